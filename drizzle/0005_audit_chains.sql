CREATE TABLE "audit_chains" (
	"id" text PRIMARY KEY NOT NULL,
	"region" text,
	"organization_id" uuid,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"last_hash" text NOT NULL,
	"last_event_id" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" integer;--> statement-breakpoint
CREATE INDEX "audit_chains_region_idx" ON "audit_chains" USING btree ("region");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq_uq" ON "audit_events" USING btree ("chain","chain_seq");--> statement-breakpoint
CREATE INDEX "audit_events_region_chain_idx" ON "audit_events" USING btree ("region","chain","chain_seq");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_chain_seq_ck" CHECK (("audit_events"."chain" is null) = ("audit_events"."chain_seq" is null));