CREATE TYPE "public"."factor_impact_run_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "factor_impact_certificates" (
	"run_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"shift" numeric NOT NULL,
	CONSTRAINT "factor_impact_certificates_run_id_certificate_id_pk" PRIMARY KEY("run_id","certificate_id")
);
--> statement-breakpoint
CREATE TABLE "factor_impact_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"factor_id" uuid NOT NULL,
	"region" text NOT NULL,
	"requested_by" uuid,
	"status" "factor_impact_run_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "factor_impact_certificates" ADD CONSTRAINT "factor_impact_certificates_run_id_factor_impact_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."factor_impact_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_impact_certificates" ADD CONSTRAINT "factor_impact_certificates_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_impact_runs" ADD CONSTRAINT "factor_impact_runs_factor_id_emission_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."emission_factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_impact_runs" ADD CONSTRAINT "factor_impact_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "factor_impact_runs_factor_uq" ON "factor_impact_runs" USING btree ("factor_id");--> statement-breakpoint
CREATE INDEX "factor_impact_runs_due_idx" ON "factor_impact_runs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "factor_impact_runs_region_idx" ON "factor_impact_runs" USING btree ("region","created_at");