CREATE TYPE "public"."amendment_status" AS ENUM('proposed', 'accepted', 'accepted_with_changes', 'rejected');--> statement-breakpoint
CREATE TABLE "consultation_amendment_supports" (
	"amendment_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_amendment_supports_amendment_id_account_id_pk" PRIMARY KEY("amendment_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_amendments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"lang" text NOT NULL,
	"base_version" integer NOT NULL,
	"original" text NOT NULL,
	"proposed" text NOT NULL,
	"reason" text NOT NULL,
	"author_id" uuid,
	"status" "amendment_status" DEFAULT 'proposed' NOT NULL,
	"accepted_text" text,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"applied_version" integer,
	"support_count" integer DEFAULT 0 NOT NULL,
	"moderation_state" "moderation_state" DEFAULT 'visible' NOT NULL,
	"moderation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_text_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"note" jsonb,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD COLUMN "anchor" jsonb;--> statement-breakpoint
ALTER TABLE "consultation_amendment_supports" ADD CONSTRAINT "consultation_amendment_supports_amendment_id_consultation_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."consultation_amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_amendment_supports" ADD CONSTRAINT "consultation_amendment_supports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_amendments" ADD CONSTRAINT "consultation_amendments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_amendments" ADD CONSTRAINT "consultation_amendments_section_id_consultation_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."consultation_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_amendments" ADD CONSTRAINT "consultation_amendments_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_amendments" ADD CONSTRAINT "consultation_amendments_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_text_versions" ADD CONSTRAINT "consultation_text_versions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_text_versions" ADD CONSTRAINT "consultation_text_versions_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_amendment_supports_account_idx" ON "consultation_amendment_supports" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "consultation_amendments_section_idx" ON "consultation_amendments" USING btree ("consultation_id","section_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_amendments_pending_idx" ON "consultation_amendments" USING btree ("consultation_id","section_id") WHERE "consultation_amendments"."status" in ('accepted', 'accepted_with_changes') and "consultation_amendments"."applied_version" is null;--> statement-breakpoint
CREATE INDEX "consultation_amendments_author_idx" ON "consultation_amendments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "consultation_amendments_export_idx" ON "consultation_amendments" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_text_versions_number_unique" ON "consultation_text_versions" USING btree ("consultation_id","number");--> statement-breakpoint
CREATE INDEX "consultation_comments_passage_idx" ON "consultation_comments" USING btree ("consultation_id","section_id","created_at") WHERE "consultation_comments"."anchor" is not null and "consultation_comments"."parent_id" is null;