CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'declined', 'accepted', 'in_review', 'changes_requested', 'awaiting_decision', 'certified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."certificate_status" AS ENUM('valid', 'suspended', 'withdrawn', 'expired');--> statement-breakpoint
CREATE TYPE "public"."data_type" AS ENUM('primary', 'secondary');--> statement-breakpoint
CREATE TYPE "public"."emission_category" AS ENUM('fossil', 'biogenic', 'land_use_change');--> statement-breakpoint
CREATE TYPE "public"."finding_severity" AS ENUM('major', 'minor', 'observation');--> statement-breakpoint
CREATE TYPE "public"."finding_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."life_cycle_stage" AS ENUM('raw_material', 'production', 'distribution', 'use', 'end_of_life');--> statement-breakpoint
CREATE TYPE "public"."line_source" AS ENUM('database_factor', 'supplier_factor', 'direct_gas');--> statement-breakpoint
CREATE TYPE "public"."line_verification" AS ENUM('unverified', 'verified');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('enterprise', 'verification_body', 'regulator', 'operator');--> statement-breakpoint
CREATE TYPE "public"."recommendation" AS ENUM('approve', 'reject');--> statement-breakpoint
CREATE TYPE "public"."review_stage" AS ENUM('document_review', 'on_site_inspection', 'pcf_verification');--> statement-breakpoint
CREATE TYPE "public"."surveillance_result" AS ENUM('passed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."system_boundary" AS ENUM('cradle_to_gate', 'cradle_to_grave');--> statement-breakpoint
CREATE TYPE "public"."team_role" AS ENUM('lead', 'member');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('enterprise', 'verifier', 'reviewer', 'regulator', 'admin');--> statement-breakpoint
CREATE TABLE "application_team" (
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team_role" "team_role" NOT NULL,
	CONSTRAINT "application_team_application_id_user_id_pk" PRIMARY KEY("application_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"category_id" text NOT NULL,
	"region" text NOT NULL,
	"district" text,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"review_stage" "review_stage",
	"version" integer DEFAULT 1 NOT NULL,
	"inventory_revision" integer DEFAULT 0 NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"verification_body_id" uuid,
	"lead_verifier_id" uuid,
	"reviewer_id" uuid,
	"planned_document_review_on" date,
	"planned_on_site_on" date,
	"decline_reason" text,
	"recommendation" "recommendation",
	"verification_statement" text,
	"decision_reason" text,
	"result_value" numeric,
	"latest_calculation_id" uuid,
	"previous_certificate_id" uuid,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"planned_at" timestamp with time zone,
	"recommended_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"actor_organization_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"subject_organization_id" uuid,
	"region" text,
	"product_id" uuid,
	"application_id" uuid,
	"certificate_id" uuid,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"data" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" text NOT NULL,
	"version" integer NOT NULL,
	"value" numeric NOT NULL,
	"declared_unit" text NOT NULL,
	"source" text NOT NULL,
	"effective_from" date NOT NULL,
	"thresholds" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calculations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"inventory_revision" integer NOT NULL,
	"result" numeric NOT NULL,
	"fossil" numeric NOT NULL,
	"biogenic" numeric NOT NULL,
	"land_use_change" numeric NOT NULL,
	"primary_share" numeric NOT NULL,
	"data_quality" numeric NOT NULL,
	"gwp_set" text NOT NULL,
	"breakdown" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"application_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"verification_body_id" uuid NOT NULL,
	"category_id" text NOT NULL,
	"region" text NOT NULL,
	"district" text,
	"product_name" text NOT NULL,
	"product_name_en" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"value" numeric NOT NULL,
	"benchmark_id" uuid,
	"grade" smallint,
	"ratio" numeric,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"status" "certificate_status" DEFAULT 'valid' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"next_surveillance_due" date NOT NULL,
	"previous_certificate_id" uuid,
	"snapshot" jsonb NOT NULL,
	"snapshot_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflicts_of_interest" (
	"verification_body_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"declared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflicts_of_interest_verification_body_id_enterprise_id_pk" PRIMARY KEY("verification_body_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "emission_factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"factor_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"value" numeric NOT NULL,
	"unit" text NOT NULL,
	"region" text NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"gwp_basis" text DEFAULT 'AR6' NOT NULL,
	"emission_category" "emission_category" DEFAULT 'fossil' NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"line_id" uuid,
	"inspection_id" uuid,
	"uploaded_by_organization_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"line_id" uuid,
	"round" integer NOT NULL,
	"severity" "finding_severity" NOT NULL,
	"text" text NOT NULL,
	"status" "finding_status" DEFAULT 'open' NOT NULL,
	"response" text,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gwp_values" (
	"gas" text NOT NULL,
	"gwp_set" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"value" numeric NOT NULL,
	"emission_category" "emission_category" DEFAULT 'fossil' NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "gwp_values_gas_gwp_set_pk" PRIMARY KEY("gas","gwp_set")
);
--> statement-breakpoint
CREATE TABLE "inventory_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"stage" "life_cycle_stage" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric NOT NULL,
	"unit" text NOT NULL,
	"source" "line_source" NOT NULL,
	"factor_id" uuid,
	"supplier_factor_value" numeric,
	"supplier_factor_unit" text,
	"supplier_name" text,
	"gas" text,
	"data_type" "data_type" DEFAULT 'secondary' NOT NULL,
	"dqr_technological" smallint DEFAULT 3 NOT NULL,
	"dqr_geographical" smallint DEFAULT 3 NOT NULL,
	"dqr_temporal" smallint DEFAULT 3 NOT NULL,
	"allocation_share" numeric DEFAULT '1' NOT NULL,
	"emission_category" "emission_category" DEFAULT 'fossil' NOT NULL,
	"verification" "line_verification" DEFAULT 'unverified' NOT NULL,
	"verified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"application_id" uuid,
	"certificate_id" uuid,
	"params" jsonb,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "on_site_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"site" text NOT NULL,
	"participants" text NOT NULL,
	"scope" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"credit_code" text,
	"region" text NOT NULL,
	"district" text,
	"accreditation_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regulator_id" uuid NOT NULL,
	"region" text NOT NULL,
	"category_id" text,
	"title" text NOT NULL,
	"metric" text NOT NULL,
	"target_count" integer NOT NULL,
	"deadline" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sector" text NOT NULL,
	"declared_unit" text NOT NULL,
	"plausible_min" numeric,
	"plausible_max" numeric,
	"plausible_source" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"category_id" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"model" text NOT NULL,
	"hs_code" text NOT NULL,
	"declared_unit_amount" numeric NOT NULL,
	"declared_unit" text NOT NULL,
	"system_boundary" "system_boundary" NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"production_volume" numeric NOT NULL,
	"site" text NOT NULL,
	"export_markets" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"region" text NOT NULL,
	"category_id" text NOT NULL,
	"district" text,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"entered_from_at" timestamp with time zone,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"days_in_from" numeric
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"verification_body_id" uuid NOT NULL,
	"calculation_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"snapshot_sha256" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveillance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"performed_on" date NOT NULL,
	"result" "surveillance_result" NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "application_team" ADD CONSTRAINT "application_team_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_team" ADD CONSTRAINT "application_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_verification_body_id_organizations_id_fk" FOREIGN KEY ("verification_body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lead_verifier_id_users_id_fk" FOREIGN KEY ("lead_verifier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_organization_id_organizations_id_fk" FOREIGN KEY ("actor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calculations" ADD CONSTRAINT "calculations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calculations" ADD CONSTRAINT "calculations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_verification_body_id_organizations_id_fk" FOREIGN KEY ("verification_body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_benchmark_id_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmarks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts_of_interest" ADD CONSTRAINT "conflicts_of_interest_verification_body_id_organizations_id_fk" FOREIGN KEY ("verification_body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts_of_interest" ADD CONSTRAINT "conflicts_of_interest_enterprise_id_organizations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts_of_interest" ADD CONSTRAINT "conflicts_of_interest_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emission_factors" ADD CONSTRAINT "emission_factors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_line_id_inventory_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."inventory_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_inspection_id_on_site_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."on_site_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_organization_id_organizations_id_fk" FOREIGN KEY ("uploaded_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_line_id_inventory_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."inventory_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD CONSTRAINT "inventory_lines_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD CONSTRAINT "inventory_lines_factor_id_emission_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."emission_factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD CONSTRAINT "inventory_lines_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_site_inspections" ADD CONSTRAINT "on_site_inspections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_site_inspections" ADD CONSTRAINT "on_site_inspections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_targets" ADD CONSTRAINT "pilot_targets_regulator_id_organizations_id_fk" FOREIGN KEY ("regulator_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_targets" ADD CONSTRAINT "pilot_targets_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_targets" ADD CONSTRAINT "pilot_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_verification_body_id_organizations_id_fk" FOREIGN KEY ("verification_body_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_calculation_id_calculations_id_fk" FOREIGN KEY ("calculation_id") REFERENCES "public"."calculations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveillance_records" ADD CONSTRAINT "surveillance_records_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveillance_records" ADD CONSTRAINT "surveillance_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_organization_idx" ON "applications" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "applications_body_queue_idx" ON "applications" USING btree ("verification_body_id","status","stage_entered_at");--> statement-breakpoint
CREATE INDEX "applications_region_idx" ON "applications" USING btree ("region","status","category_id","district");--> statement-breakpoint
CREATE INDEX "applications_product_idx" ON "applications" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "audit_events_region_idx" ON "audit_events" USING btree ("region","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_application_idx" ON "audit_events" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "audit_events_certificate_idx" ON "audit_events" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmarks_category_version_uq" ON "benchmarks" USING btree ("category_id","version");--> statement-breakpoint
CREATE INDEX "calculations_application_idx" ON "calculations" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uq" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_application_uq" ON "certificates" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "certificates_organization_idx" ON "certificates" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "certificates_body_idx" ON "certificates" USING btree ("verification_body_id");--> statement-breakpoint
CREATE INDEX "certificates_region_idx" ON "certificates" USING btree ("region","status","category_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "emission_factors_key_version_uq" ON "emission_factors" USING btree ("factor_key","version");--> statement-breakpoint
CREATE INDEX "emission_factors_current_idx" ON "emission_factors" USING btree ("category","year") WHERE "emission_factors"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "evidence_files_application_idx" ON "evidence_files" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "evidence_files_line_idx" ON "evidence_files" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "findings_application_idx" ON "findings" USING btree ("application_id","status");--> statement-breakpoint
CREATE INDEX "inventory_lines_application_idx" ON "inventory_lines" USING btree ("application_id","stage","position");--> statement-breakpoint
CREATE INDEX "notifications_organization_idx" ON "notifications" USING btree ("organization_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "on_site_inspections_application_idx" ON "on_site_inspections" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_credit_code_uq" ON "organizations" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "organizations_kind_region_idx" ON "organizations" USING btree ("kind","region","district");--> statement-breakpoint
CREATE INDEX "pilot_targets_region_idx" ON "pilot_targets" USING btree ("region");--> statement-breakpoint
CREATE INDEX "products_organization_idx" ON "products" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "stage_transitions_app_idx" ON "stage_transitions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "stage_transitions_region_idx" ON "stage_transitions" USING btree ("region","from_status","at");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_application_round_uq" ON "submissions" USING btree ("application_id","round");--> statement-breakpoint
CREATE INDEX "surveillance_records_certificate_idx" ON "surveillance_records" USING btree ("certificate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");