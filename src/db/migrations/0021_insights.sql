CREATE TYPE "public"."milestone_status" AS ENUM('planned', 'in_progress', 'done', 'delayed');--> statement-breakpoint
CREATE TABLE "action_plan_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"status" "milestone_status" DEFAULT 'planned' NOT NULL,
	"evidence_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_counters" (
	"day" date NOT NULL,
	"name" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insights_counters_day_name_pk" PRIMARY KEY("day","name")
);
--> statement-breakpoint
CREATE TABLE "insights_service_levels" (
	"structure_id" uuid PRIMARY KEY NOT NULL,
	"received" integer NOT NULL,
	"answered" integer NOT NULL,
	"median_hours" double precision,
	"p90_hours" double precision,
	"deadline_known" integer NOT NULL,
	"answered_in_time" integer NOT NULL,
	"backlog" integer NOT NULL,
	"overdue" integer NOT NULL,
	"transfers_out" integer NOT NULL,
	"transfers_in" integer NOT NULL,
	"ratings" integer NOT NULL,
	"mean_satisfaction" double precision,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insights_usage" (
	"month" text NOT NULL,
	"mechanism" text NOT NULL,
	"governorate" text NOT NULL,
	"structure_id" uuid,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insights_service_levels" ADD CONSTRAINT "insights_service_levels_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights_usage" ADD CONSTRAINT "insights_usage_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_milestones_due_idx" ON "action_plan_milestones" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "insights_usage_month_idx" ON "insights_usage" USING btree ("month","mechanism");--> statement-breakpoint
CREATE INDEX "insights_usage_structure_idx" ON "insights_usage" USING btree ("structure_id");