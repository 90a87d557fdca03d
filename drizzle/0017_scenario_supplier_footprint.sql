ALTER TYPE "public"."scenario_change_kind" ADD VALUE 'supplier_footprint' BEFORE 'scale_quantity';--> statement-breakpoint
ALTER TABLE "scenario_changes" ADD COLUMN "supplier_factor_value" numeric;--> statement-breakpoint
ALTER TABLE "scenario_changes" ADD COLUMN "supplier_factor_unit" text;--> statement-breakpoint
ALTER TABLE "scenario_changes" ADD COLUMN "supplier_name" text;