CREATE TABLE "case_settled_counts" (
	"structure_id" uuid NOT NULL,
	"status" "case_status" NOT NULL,
	"type" "case_type" NOT NULL,
	"category_id" uuid,
	"governorate_code" text,
	"assignee_id" uuid,
	"n" integer NOT NULL,
	CONSTRAINT "case_settled_counts_cell" UNIQUE NULLS NOT DISTINCT("structure_id","status","type","category_id","governorate_code","assignee_id")
);
--> statement-breakpoint
DROP INDEX "cases_queue_idx";--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("structure_id","status","due_at","created_at","id","paused_at","type","category_id","governorate_code","assignee_id");