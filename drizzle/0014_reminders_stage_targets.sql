CREATE TABLE "sent_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"occurrence" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "stage_target_days" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "sent_reminders_uq" ON "sent_reminders" USING btree ("kind","subject_id","occurrence");