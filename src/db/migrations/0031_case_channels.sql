CREATE TYPE "public"."case_channel" AS ENUM('web', 'counter', 'phone', 'post', 'open311');--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "channel" "case_channel" DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "contact_address" text;--> statement-breakpoint
-- Requests filed before channels were recorded: online, or through the Open311 API.
UPDATE "cases" SET "channel" = 'open311' WHERE "id" IN (SELECT "case_id" FROM "open311_submissions");
