ALTER TABLE "consultation_comments" ADD COLUMN "moderation_state" "moderation_state" DEFAULT 'visible' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD COLUMN "moderation_reason" text;--> statement-breakpoint
-- Comments hidden before moderation looked after them keep their tombstone, now moderation's.
UPDATE "consultation_comments" SET "moderation_state" = 'hidden', "status" = 'visible' WHERE "status" = 'hidden';--> statement-breakpoint
ALTER TABLE "consultation_comments" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "consultation_comments" ALTER COLUMN "status" SET DEFAULT 'visible'::text;--> statement-breakpoint
DROP TYPE "public"."comment_status";--> statement-breakpoint
CREATE TYPE "public"."comment_status" AS ENUM('visible', 'removed');--> statement-breakpoint
ALTER TABLE "consultation_comments" ALTER COLUMN "status" SET DEFAULT 'visible'::"public"."comment_status";--> statement-breakpoint
ALTER TABLE "consultation_comments" ALTER COLUMN "status" SET DATA TYPE "public"."comment_status" USING "status"::"public"."comment_status";
