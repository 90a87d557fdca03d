CREATE TYPE "public"."supplier_certificate_change" AS ENUM('suspended', 'withdrawn', 'expired', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."supply_request_status" AS ENUM('pending', 'accepted', 'declined', 'fulfilled', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "supplier_footprint_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"change_key" text NOT NULL,
	"certificate_id" uuid NOT NULL,
	"change" "supplier_certificate_change" NOT NULL,
	"application_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"application_status" "application_status" NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requester_organization_id" uuid NOT NULL,
	"supplier_organization_id" uuid,
	"partner_id" uuid,
	"product_name" text NOT NULL,
	"product_model" text,
	"part_number" text,
	"declared_unit" text NOT NULL,
	"quantity_context" text,
	"due_on" date NOT NULL,
	"message" text,
	"application_id" uuid,
	"line_id" uuid,
	"status" "supply_request_status" DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"fulfilled_footprint_id" uuid,
	"fulfilled_certificate_id" uuid,
	"shared_footprint" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"answered_by" uuid,
	"status_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_requests_one_supplier_ck" CHECK (("supply_requests"."supplier_organization_id" is null) <> ("supply_requests"."partner_id" is null)),
	CONSTRAINT "supply_requests_other_supplier_ck" CHECK ("supply_requests"."supplier_organization_id" is null or "supply_requests"."supplier_organization_id" <> "supply_requests"."requester_organization_id"),
	CONSTRAINT "supply_requests_fulfilled_ck" CHECK (("supply_requests"."status" = 'fulfilled') = ("supply_requests"."shared_footprint" is not null))
);
--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD COLUMN "supply_request_id" uuid;--> statement-breakpoint
ALTER TABLE "supplier_footprint_flags" ADD CONSTRAINT "supplier_footprint_flags_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_footprint_flags" ADD CONSTRAINT "supplier_footprint_flags_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_footprint_flags" ADD CONSTRAINT "supplier_footprint_flags_line_id_inventory_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."inventory_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_footprint_flags" ADD CONSTRAINT "supplier_footprint_flags_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_footprint_flags" ADD CONSTRAINT "supplier_footprint_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_requester_organization_id_organizations_id_fk" FOREIGN KEY ("requester_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_supplier_organization_id_organizations_id_fk" FOREIGN KEY ("supplier_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_partner_id_pact_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."pact_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_line_id_inventory_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."inventory_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_fulfilled_footprint_id_product_footprints_id_fk" FOREIGN KEY ("fulfilled_footprint_id") REFERENCES "public"."product_footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_fulfilled_certificate_id_certificates_id_fk" FOREIGN KEY ("fulfilled_certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_footprint_flags_change_uq" ON "supplier_footprint_flags" USING btree ("change_key","line_id");--> statement-breakpoint
CREATE INDEX "supplier_footprint_flags_application_idx" ON "supplier_footprint_flags" USING btree ("application_id","resolved_at");--> statement-breakpoint
CREATE INDEX "supply_requests_requester_idx" ON "supply_requests" USING btree ("requester_organization_id","status","created_at");--> statement-breakpoint
CREATE INDEX "supply_requests_supplier_idx" ON "supply_requests" USING btree ("supplier_organization_id","status","created_at");--> statement-breakpoint
CREATE INDEX "supply_requests_due_idx" ON "supply_requests" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "supply_requests_certificate_idx" ON "supply_requests" USING btree ("fulfilled_certificate_id");--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD CONSTRAINT "inventory_lines_supply_request_id_supply_requests_id_fk" FOREIGN KEY ("supply_request_id") REFERENCES "public"."supply_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_lines_supply_request_idx" ON "inventory_lines" USING btree ("supply_request_id");