CREATE TABLE "certificate_stage_emissions" (
	"certificate_id" uuid NOT NULL,
	"stage" "life_cycle_stage" NOT NULL,
	"value" numeric NOT NULL,
	"region" text NOT NULL,
	"category_id" text NOT NULL,
	"district" text,
	"issued_on" date NOT NULL,
	CONSTRAINT "certificate_stage_emissions_certificate_id_stage_pk" PRIMARY KEY("certificate_id","stage")
);
--> statement-breakpoint
ALTER TABLE "certificate_stage_emissions" ADD CONSTRAINT "certificate_stage_emissions_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_stage_emissions_dashboard_idx" ON "certificate_stage_emissions" USING btree ("region","category_id","district","issued_on");--> statement-breakpoint
CREATE INDEX "applications_region_created_idx" ON "applications" USING btree ("region","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_region_id_idx" ON "audit_events" USING btree ("region","id");--> statement-breakpoint
CREATE INDEX "certificates_dashboard_idx" ON "certificates" USING btree ("region","category_id","district","issued_on");--> statement-breakpoint
CREATE INDEX "inventory_lines_factor_idx" ON "inventory_lines" USING btree ("factor_id");--> statement-breakpoint
CREATE INDEX "stage_transitions_dashboard_idx" ON "stage_transitions" USING btree ("region","from_status","category_id","district","at","days_in_from");--> statement-breakpoint
-- Published emission factors are immutable: a change is a new version; the only update allowed marks a row superseded.
CREATE OR REPLACE FUNCTION emission_factors_refuse_edit() RETURNS trigger AS $$
BEGIN
  IF OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
     AND (to_jsonb(NEW) - 'superseded_at') = (to_jsonb(OLD) - 'superseded_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'emission_factors are versioned: edit refused, add a new version' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER emission_factors_no_edit BEFORE UPDATE ON emission_factors
  FOR EACH ROW EXECUTE FUNCTION emission_factors_refuse_edit();
