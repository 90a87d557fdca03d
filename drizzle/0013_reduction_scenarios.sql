CREATE TYPE "public"."scenario_change_kind" AS ENUM('replace_factor', 'scale_quantity', 'set_allocation', 'remove_line');--> statement-breakpoint
CREATE TABLE "reduction_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"converted_application_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"kind" "scenario_change_kind" NOT NULL,
	"factor_id" uuid,
	"percent" numeric,
	"allocation_share" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reduction_scenarios" ADD CONSTRAINT "reduction_scenarios_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_scenarios" ADD CONSTRAINT "reduction_scenarios_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_scenarios" ADD CONSTRAINT "reduction_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_scenarios" ADD CONSTRAINT "reduction_scenarios_converted_application_id_applications_id_fk" FOREIGN KEY ("converted_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_changes" ADD CONSTRAINT "scenario_changes_scenario_id_reduction_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."reduction_scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_changes" ADD CONSTRAINT "scenario_changes_line_id_inventory_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."inventory_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_changes" ADD CONSTRAINT "scenario_changes_factor_id_emission_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."emission_factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reduction_scenarios_name_uq" ON "reduction_scenarios" USING btree ("application_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_changes_line_kind_uq" ON "scenario_changes" USING btree ("scenario_id","line_id","kind");