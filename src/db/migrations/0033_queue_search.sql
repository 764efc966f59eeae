ALTER TABLE "cases" ADD COLUMN "search_text" text GENERATED ALWAYS AS (translate(normalize_arabic(subject || ' ' || description), 'àâäéèêëîïôöùûüÿç', 'aaaeeeeiioouuuyc')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_reference_number_idx" ON "cases" USING btree (split_part(cases.reference, '-', 3));--> statement-breakpoint
CREATE INDEX "cases_contact_email_idx" ON "cases" USING btree (lower("contact_email"));--> statement-breakpoint
CREATE INDEX "cases_contact_phone_idx" ON "cases" USING btree ("contact_phone");