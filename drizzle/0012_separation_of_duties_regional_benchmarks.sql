DROP INDEX "benchmarks_category_version_uq";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "planned_by" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "recommended_by" uuid;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD COLUMN "region" text DEFAULT '500000' NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_planned_by_users_id_fk" FOREIGN KEY ("planned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_recommended_by_users_id_fk" FOREIGN KEY ("recommended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmarks_region_category_version_uq" ON "benchmarks" USING btree ("region","category_id","version");--> statement-breakpoint
-- Applications already under way: who planned, recommended and accepted each round, from the audit trail.
UPDATE "applications" AS a SET "planned_by" = e."actor_user_id"
FROM (
  SELECT DISTINCT ON ("application_id") "application_id", "actor_user_id" FROM "audit_events"
  WHERE "action" = 'application.plan' AND "application_id" IS NOT NULL ORDER BY "application_id", "id" DESC
) AS e
WHERE e."application_id" = a."id";--> statement-breakpoint
UPDATE "applications" AS a SET "recommended_by" = e."actor_user_id"
FROM (
  SELECT DISTINCT ON ("application_id") "application_id", "actor_user_id" FROM "audit_events"
  WHERE "action" = 'application.recommend' AND "application_id" IS NOT NULL ORDER BY "application_id", "id" DESC
) AS e
WHERE e."application_id" = a."id";--> statement-breakpoint
UPDATE "submissions" AS s SET "accepted_by" = (
  SELECT e."actor_user_id" FROM "audit_events" AS e
  WHERE e."application_id" = s."application_id" AND e."action" = 'application.accept' AND e."occurred_at" >= s."submitted_at"
    AND NOT EXISTS (
      SELECT 1 FROM "submissions" AS later
      WHERE later."application_id" = s."application_id" AND later."round" > s."round" AND later."submitted_at" <= e."occurred_at"
    )
  ORDER BY e."id" LIMIT 1
);
