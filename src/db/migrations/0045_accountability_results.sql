CREATE TYPE "public"."result_origin" AS ENUM('consultation', 'idea', 'forum', 'plan', 'own');--> statement-breakpoint
CREATE TYPE "public"."result_status" AS ENUM('planned', 'in_progress', 'done', 'delayed', 'dropped');--> statement-breakpoint
CREATE TABLE "result_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"result_id" uuid NOT NULL,
	"happened_on" date NOT NULL,
	"body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status_before" "result_status",
	"status_after" "result_status",
	"progress_before" integer,
	"progress_after" integer,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_id" uuid,
	"author_structure_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"parent_id" uuid,
	"structure_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"governorate_code" text,
	"municipality_id" uuid,
	"theme_code" text,
	"starts_on" date,
	"ends_on" date,
	"status" "result_status" DEFAULT 'planned' NOT NULL,
	"drop_reason" jsonb,
	"progress" integer DEFAULT 0 NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"budget_planned" numeric(16, 3),
	"budget_spent" numeric(16, 3),
	"origin" "result_origin" DEFAULT 'own' NOT NULL,
	"origin_id" uuid,
	"origin_section_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "result_updates" ADD CONSTRAINT "result_updates_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_updates" ADD CONSTRAINT "result_updates_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_updates" ADD CONSTRAINT "result_updates_author_structure_id_structures_id_fk" FOREIGN KEY ("author_structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_parent_id_results_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_governorate_code_governorates_code_fk" FOREIGN KEY ("governorate_code") REFERENCES "public"."governorates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_municipality_id_structures_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_theme_code_themes_code_fk" FOREIGN KEY ("theme_code") REFERENCES "public"."themes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_updates_result_idx" ON "result_updates" USING btree ("result_id","happened_on" DESC NULLS LAST,"created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "results_code_unique" ON "results" USING btree ("code");--> statement-breakpoint
CREATE INDEX "results_parent_idx" ON "results" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "results_structure_idx" ON "results" USING btree ("structure_id","status");--> statement-breakpoint
CREATE INDEX "results_origin_idx" ON "results" USING btree ("origin","origin_id");--> statement-breakpoint
CREATE INDEX "results_list_idx" ON "results" USING btree ("updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "results_top_list_idx" ON "results" USING btree ("updated_at" DESC NULLS LAST,"id") WHERE "results"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "results_top_figures_idx" ON "results" USING btree ("structure_id","status","ends_on","progress") WHERE "results"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "results_export_idx" ON "results" USING btree ("created_at","id");