CREATE TABLE "stage_duration_buckets" (
	"region" text NOT NULL,
	"category_id" text NOT NULL,
	"district" text NOT NULL,
	"month" date NOT NULL,
	"from_status" "application_status" NOT NULL,
	"days_bucket" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "stage_duration_buckets_pk" PRIMARY KEY("region","category_id","district","month","from_status","days_bucket")
);
--> statement-breakpoint
DROP INDEX "applications_region_created_idx";--> statement-breakpoint
DROP INDEX "certificate_stage_emissions_dashboard_idx";--> statement-breakpoint
DROP INDEX "certificates_dashboard_idx";--> statement-breakpoint
DROP INDEX "products_organization_idx";--> statement-breakpoint
DROP INDEX "stage_transitions_dashboard_idx";--> statement-breakpoint
CREATE INDEX "applications_category_organization_idx" ON "applications" USING btree ("category_id","organization_id");--> statement-breakpoint
CREATE INDEX "certificate_stage_emissions_district_idx" ON "certificate_stage_emissions" USING btree ("region","district","issued_on","stage","value");--> statement-breakpoint
CREATE INDEX "applications_region_created_idx" ON "applications" USING btree ("region","created_at","category_id","district","status","verification_body_id");--> statement-breakpoint
CREATE INDEX "certificate_stage_emissions_dashboard_idx" ON "certificate_stage_emissions" USING btree ("region","category_id","district","issued_on","stage","value");--> statement-breakpoint
CREATE INDEX "certificates_dashboard_idx" ON "certificates" USING btree ("region","category_id","district","issued_on","status","expires_on","grade","value","ratio");--> statement-breakpoint
CREATE INDEX "products_organization_idx" ON "products" USING btree ("organization_id","category_id","created_at");--> statement-breakpoint
CREATE INDEX "stage_transitions_dashboard_idx" ON "stage_transitions" USING btree ("region","at","from_status","category_id","district","days_in_from");--> statement-breakpoint
-- Backfill the days-in-stage histogram from the transitions recorded so far
-- (same statement as lib/domain/applications/stage-durations.ts).
INSERT INTO stage_duration_buckets (region, category_id, district, month, from_status, days_bucket, count)
SELECT t.region, r.category_id, r.district, m.month, t.from_status, round(t.days_in_from * 10)::int, count(*)::int
FROM stage_transitions t
CROSS JOIN LATERAL (VALUES ('', ''), (t.category_id, ''), ('', t.district), (t.category_id, t.district)) r(category_id, district)
CROSS JOIN LATERAL (VALUES (date_trunc('month', t.at at time zone 'Asia/Shanghai')::date), (date '0001-01-01')) m(month)
WHERE r.district IS NOT NULL AND t.from_status IS NOT NULL AND t.days_in_from IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6
-- In key order: a roll-up's rows sit together on disk, so the dashboard reads few pages.
ORDER BY 1, 2, 3, 4, 5, 6;
