CREATE TYPE "public"."signing_key_status" AS ENUM('active', 'retired');--> statement-breakpoint
CREATE TYPE "public"."status_purpose" AS ENUM('revocation', 'suspension');--> statement-breakpoint
CREATE TABLE "certificate_credentials" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"verification_body_id" uuid NOT NULL,
	"status_list_index" integer NOT NULL,
	"kid" text NOT NULL,
	"jws" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verification_body_id" uuid NOT NULL,
	"kid" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"sealed_private_key" text NOT NULL,
	"status" "signing_key_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "status_list_credentials" (
	"verification_body_id" uuid NOT NULL,
	"purpose" "status_purpose" NOT NULL,
	"kid" text NOT NULL,
	"jws" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_list_credentials_verification_body_id_purpose_pk" PRIMARY KEY("verification_body_id","purpose")
);
--> statement-breakpoint
ALTER TABLE "certificate_credentials" ADD CONSTRAINT "certificate_credentials_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_credentials" ADD CONSTRAINT "certificate_credentials_verification_body_id_organizations_id_fk" FOREIGN KEY ("verification_body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_verification_body_id_organizations_id_fk" FOREIGN KEY ("verification_body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_list_credentials" ADD CONSTRAINT "status_list_credentials_verification_body_id_organizations_id_fk" FOREIGN KEY ("verification_body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_credentials_status_index_uq" ON "certificate_credentials" USING btree ("verification_body_id","status_list_index");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_kid_uq" ON "signing_keys" USING btree ("kid");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_active_uq" ON "signing_keys" USING btree ("verification_body_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "signing_keys_body_idx" ON "signing_keys" USING btree ("verification_body_id","created_at");