CREATE TYPE "public"."comment_alignment" AS ENUM('for', 'against', 'neutral');--> statement-breakpoint
CREATE TYPE "public"."comment_status" AS ENUM('visible', 'hidden', 'removed');--> statement-breakpoint
CREATE TYPE "public"."consultation_area" AS ENUM('national', 'governorate', 'municipality');--> statement-breakpoint
CREATE TYPE "public"."consultation_visibility" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."participation_rule" AS ENUM('signed_in', 'identity_verified');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('single', 'multiple', 'scale', 'short_text', 'long_text');--> statement-breakpoint
CREATE TYPE "public"."section_decision" AS ENUM('kept', 'changed', 'dropped');--> statement-breakpoint
CREATE TABLE "consultation_answers" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"choices" text[],
	"scale" integer,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_comment_supports" (
	"comment_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_comment_supports_comment_id_account_id_pk" PRIMARY KEY("comment_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"section_id" uuid,
	"parent_id" uuid,
	"root_id" uuid,
	"depth" integer DEFAULT 0 NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"alignment" "comment_alignment",
	"official" boolean DEFAULT false NOT NULL,
	"status" "comment_status" DEFAULT 'visible' NOT NULL,
	"support_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_key" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_followers" (
	"consultation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_followers_consultation_id_account_id_pk" PRIMARY KEY("consultation_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"decision" "section_decision" NOT NULL,
	"reason" jsonb NOT NULL,
	"final_text_url" text,
	"no_link_reason" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "question_kind" NOT NULL,
	"prompt" jsonb NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale_min" integer,
	"scale_max" integer,
	"required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_sections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_syntheses" (
	"consultation_id" uuid PRIMARY KEY NOT NULL,
	"summary" jsonb NOT NULL,
	"figures" jsonb,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"theme" text NOT NULL,
	"area" "consultation_area" NOT NULL,
	"governorate_code" text,
	"municipality_id" uuid,
	"participation" "participation_rule" DEFAULT 'signed_in' NOT NULL,
	"visibility" "consultation_visibility" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"outcome_due_at" timestamp with time zone,
	"outcome_published_at" timestamp with time zone,
	"notified_phase" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_response_id_consultation_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."consultation_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_question_id_consultation_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."consultation_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comment_supports" ADD CONSTRAINT "consultation_comment_supports_comment_id_consultation_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."consultation_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comment_supports" ADD CONSTRAINT "consultation_comment_supports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_section_id_consultation_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."consultation_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_parent_id_consultation_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."consultation_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_root_id_consultation_comments_id_fk" FOREIGN KEY ("root_id") REFERENCES "public"."consultation_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_followers" ADD CONSTRAINT "consultation_followers_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_followers" ADD CONSTRAINT "consultation_followers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcomes" ADD CONSTRAINT "consultation_outcomes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcomes" ADD CONSTRAINT "consultation_outcomes_section_id_consultation_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."consultation_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_questions" ADD CONSTRAINT "consultation_questions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_sections" ADD CONSTRAINT "consultation_sections_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_syntheses" ADD CONSTRAINT "consultation_syntheses_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_syntheses" ADD CONSTRAINT "consultation_syntheses_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_governorate_code_governorates_code_fk" FOREIGN KEY ("governorate_code") REFERENCES "public"."governorates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_municipality_id_structures_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_answers_question_idx" ON "consultation_answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "consultation_comment_supports_account_idx" ON "consultation_comment_supports" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "consultation_comments_recent_idx" ON "consultation_comments" USING btree ("consultation_id","section_id","created_at" DESC NULLS FIRST) WHERE "consultation_comments"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "consultation_comments_supported_idx" ON "consultation_comments" USING btree ("consultation_id","section_id","support_count" DESC NULLS FIRST,"created_at" DESC NULLS FIRST) WHERE "consultation_comments"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "consultation_comments_thread_idx" ON "consultation_comments" USING btree ("root_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_comments_author_idx" ON "consultation_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "consultation_documents_consultation_idx" ON "consultation_documents" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_followers_account_idx" ON "consultation_followers" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_outcomes_section_unique" ON "consultation_outcomes" USING btree ("consultation_id","section_id");--> statement-breakpoint
CREATE INDEX "consultation_questions_consultation_idx" ON "consultation_questions" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_responses_once" ON "consultation_responses" USING btree ("consultation_id","account_id");--> statement-breakpoint
CREATE INDEX "consultation_responses_account_idx" ON "consultation_responses" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "consultation_sections_consultation_idx" ON "consultation_sections" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE INDEX "consultations_structure_idx" ON "consultations" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "consultations_public_idx" ON "consultations" USING btree ("visibility","closes_at");--> statement-breakpoint
CREATE INDEX "consultations_search_idx" ON "consultations" USING gin ((translate(normalize_arabic(consultations.title::text || ' ' || consultations.summary::text), 'àâäéèêëîïôöùûüÿç', 'aaaeeeeiioouuuyc')) gin_trgm_ops);