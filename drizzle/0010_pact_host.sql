CREATE TYPE "public"."footprint_deprecation_reason" AS ENUM('suspended', 'withdrawn', 'expired', 'recertified', 'reissued');--> statement-breakpoint
CREATE TYPE "public"."footprint_request_outcome" AS ENUM('fulfilled', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."pact_delivery_status" AS ENUM('pending', 'delivered', 'abandoned');--> statement-breakpoint
CREATE TABLE "footprint_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"api_client_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"source" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"outcome" "footprint_request_outcome" NOT NULL,
	"matched_footprint_ids" uuid[] NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pact_event_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"request_id" uuid,
	"event_type" text NOT NULL,
	"event" jsonb NOT NULL,
	"status" "pact_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"deliver_until" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pact_partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"client_id" text NOT NULL,
	"sealed_client_secret" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_footprints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"certificate_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"document" jsonb NOT NULL,
	"product_ids" text[] NOT NULL,
	"company_ids" text[] NOT NULL,
	"classifications" text[] NOT NULL,
	"geographies" text[] NOT NULL,
	"validity_start" timestamp with time zone NOT NULL,
	"validity_end" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deprecated_at" timestamp with time zone,
	"deprecation_reason" "footprint_deprecation_reason",
	CONSTRAINT "product_footprints_deprecation_ck" CHECK (("product_footprints"."deprecated_at" is null) = ("product_footprints"."deprecation_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "mass_per_declared_unit" numeric;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "fossil_carbon_content" numeric;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "biogenic_carbon_content" numeric;--> statement-breakpoint
ALTER TABLE "footprint_requests" ADD CONSTRAINT "footprint_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footprint_requests" ADD CONSTRAINT "footprint_requests_partner_id_pact_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."pact_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footprint_requests" ADD CONSTRAINT "footprint_requests_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pact_event_deliveries" ADD CONSTRAINT "pact_event_deliveries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pact_event_deliveries" ADD CONSTRAINT "pact_event_deliveries_partner_id_pact_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."pact_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pact_event_deliveries" ADD CONSTRAINT "pact_event_deliveries_request_id_footprint_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."footprint_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pact_partners" ADD CONSTRAINT "pact_partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pact_partners" ADD CONSTRAINT "pact_partners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_footprints" ADD CONSTRAINT "product_footprints_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_footprints" ADD CONSTRAINT "product_footprints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "footprint_requests_event_uq" ON "footprint_requests" USING btree ("organization_id","source","event_id");--> statement-breakpoint
CREATE INDEX "footprint_requests_inbox_idx" ON "footprint_requests" USING btree ("organization_id","outcome","received_at");--> statement-breakpoint
CREATE INDEX "pact_event_deliveries_due_idx" ON "pact_event_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "pact_event_deliveries_request_idx" ON "pact_event_deliveries" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pact_partners_base_url_uq" ON "pact_partners" USING btree ("organization_id","base_url") WHERE removed_at is null;--> statement-breakpoint
CREATE INDEX "pact_partners_organization_idx" ON "pact_partners" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "product_footprints_organization_idx" ON "product_footprints" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "product_footprints_certificate_idx" ON "product_footprints" USING btree ("certificate_id");