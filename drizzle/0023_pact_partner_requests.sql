ALTER TABLE "supply_requests" DROP CONSTRAINT "supply_requests_fulfilled_ck";--> statement-breakpoint
ALTER TABLE "imported_footprints" ADD COLUMN "partner_id" uuid;--> statement-breakpoint
ALTER TABLE "imported_footprints" ADD COLUMN "credential_verdict" text;--> statement-breakpoint
ALTER TABLE "pact_event_deliveries" ADD COLUMN "supply_request_id" uuid;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD COLUMN "request_event_id" text;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD COLUMN "answer_event_id" text;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD COLUMN "imported_footprint_id" uuid;--> statement-breakpoint
ALTER TABLE "imported_footprints" ADD CONSTRAINT "imported_footprints_partner_id_pact_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."pact_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pact_event_deliveries" ADD CONSTRAINT "pact_event_deliveries_supply_request_id_supply_requests_id_fk" FOREIGN KEY ("supply_request_id") REFERENCES "public"."supply_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_imported_footprint_id_imported_footprints_id_fk" FOREIGN KEY ("imported_footprint_id") REFERENCES "public"."imported_footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pact_event_deliveries_supply_request_idx" ON "pact_event_deliveries" USING btree ("supply_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_requests_request_event_uq" ON "supply_requests" USING btree ("partner_id","request_event_id");--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_fulfilled_ck" CHECK (("supply_requests"."status" = 'fulfilled') = ("supply_requests"."shared_footprint" is not null or "supply_requests"."imported_footprint_id" is not null));