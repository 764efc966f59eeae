ALTER TABLE "cases" RENAME COLUMN "submission_key" TO "submission_key_hash";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_submission_key_unique";--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submission_key_hash_unique" UNIQUE("submission_key_hash");--> statement-breakpoint
-- Keys already stored are hashed in place (sha256, hex: what submitCase computes), so a form sent
-- again after the upgrade still finds its request.
UPDATE "cases" SET "submission_key_hash" = encode(sha256(convert_to("submission_key_hash", 'UTF8')), 'hex');
--> statement-breakpoint
-- Accounts deleted before this release: their requests lose the contact details they still held.
UPDATE "cases" SET "contact_name" = NULL, "contact_email" = NULL, "contact_phone" = NULL
FROM "accounts" WHERE "accounts"."id" = "cases"."submitter_id" AND "accounts"."deleted_at" IS NOT NULL;--> statement-breakpoint
DELETE FROM "case_followers" USING "accounts"
WHERE "accounts"."id" = "case_followers"."account_id" AND "accounts"."deleted_at" IS NOT NULL;
