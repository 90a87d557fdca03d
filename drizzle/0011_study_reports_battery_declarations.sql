CREATE TYPE "public"."battery_category" AS ENUM('ev', 'industrial', 'lmt');--> statement-breakpoint
CREATE TYPE "public"."service_life_basis" AS ENUM('cycles', 'years');--> statement-breakpoint
CREATE TABLE "battery_declarations" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"battery_model" text NOT NULL,
	"plant_name" text NOT NULL,
	"plant_address" text NOT NULL,
	"plant_latitude" numeric NOT NULL,
	"plant_longitude" numeric NOT NULL,
	"battery_category" "battery_category" NOT NULL,
	"rated_energy" numeric NOT NULL,
	"service_life_basis" "service_life_basis" NOT NULL,
	"service_life_cycles" integer,
	"service_life_years" numeric,
	"annual_energy_throughput" numeric,
	"declaration_of_conformity_id" text NOT NULL,
	"study_url" text,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_study_reports" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "battery_declarations" ADD CONSTRAINT "battery_declarations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "battery_declarations" ADD CONSTRAINT "battery_declarations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "battery_declarations" ADD CONSTRAINT "battery_declarations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_study_reports" ADD CONSTRAINT "certificate_study_reports_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;