CREATE TYPE "public"."access_refusal_ground" AS ENUM('public_security', 'national_defence', 'international_relations', 'third_party_privacy', 'personal_data', 'intellectual_property');--> statement-breakpoint
CREATE TYPE "public"."access_track" AS ENUM('standard', 'on_site', 'life_liberty');--> statement-breakpoint
ALTER TYPE "public"."case_event_kind" ADD VALUE 'extended';--> statement-breakpoint
ALTER TYPE "public"."case_outcome" ADD VALUE 'granted';--> statement-breakpoint
ALTER TYPE "public"."case_outcome" ADD VALUE 'partly_granted';--> statement-breakpoint
ALTER TYPE "public"."case_outcome" ADD VALUE 'refused';--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "appeal_structure_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "appealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "access_track" "access_track";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "extended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "refusal_ground" "access_refusal_ground";--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_appeal_structure_id_structures_id_fk" FOREIGN KEY ("appeal_structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_appeal_idx" ON "cases" USING btree ("appeal_structure_id","due_at") WHERE "cases"."appeal_level" > 0 and "cases"."status" in ('new', 'in_progress', 'awaiting_citizen');--> statement-breakpoint
UPDATE "cases" SET "access_track" = 'standard' WHERE "type" = 'information';--> statement-breakpoint
UPDATE "cases" SET "appeal_structure_id" = "structure_id" WHERE "appeal_level" = 1;
