ALTER TYPE "public"."result_origin" ADD VALUE 'budget';--> statement-breakpoint
ALTER TABLE "budgets" ADD COLUMN "vote_by_eid" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "budgets" ADD COLUMN "vote_by_paper_code" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_vote_method" CHECK ("budgets"."vote_by_eid" or "budgets"."vote_by_paper_code");