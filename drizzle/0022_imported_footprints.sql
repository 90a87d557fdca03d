CREATE TABLE "imported_footprints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"footprint_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"product_name" text NOT NULL,
	"value" numeric NOT NULL,
	"declared_unit" text NOT NULL,
	"verification" jsonb,
	"document" jsonb NOT NULL,
	"file_name" text NOT NULL,
	"imported_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD COLUMN "imported_footprint_id" uuid;--> statement-breakpoint
ALTER TABLE "imported_footprints" ADD CONSTRAINT "imported_footprints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_footprints" ADD CONSTRAINT "imported_footprints_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "imported_footprints_footprint_uq" ON "imported_footprints" USING btree ("organization_id","footprint_id");--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD CONSTRAINT "inventory_lines_imported_footprint_id_imported_footprints_id_fk" FOREIGN KEY ("imported_footprint_id") REFERENCES "public"."imported_footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_lines_imported_footprint_idx" ON "inventory_lines" USING btree ("imported_footprint_id");--> statement-breakpoint
ALTER TABLE "inventory_lines" ADD CONSTRAINT "inventory_lines_one_supplier_footprint_ck" CHECK ("inventory_lines"."supply_request_id" is null or "inventory_lines"."imported_footprint_id" is null);