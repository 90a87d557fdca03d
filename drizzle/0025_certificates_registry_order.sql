CREATE INDEX "certificates_registry_newest_idx" ON "certificates" USING btree ("issued_on","number");--> statement-breakpoint
CREATE INDEX "certificates_registry_footprint_idx" ON "certificates" USING btree ("value","number");--> statement-breakpoint
CREATE INDEX "certificates_registry_grade_idx" ON "certificates" USING btree ("grade","value","number");--> statement-breakpoint
CREATE INDEX "certificates_registry_product_idx" ON "certificates" USING btree ("product_name","number");