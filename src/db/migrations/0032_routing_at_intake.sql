ALTER TYPE "public"."case_event_kind" ADD VALUE 'routed';--> statement-breakpoint
CREATE TABLE "staff_preferences" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"assignment_mail" text DEFAULT 'instant' NOT NULL,
	"summary_until" timestamp with time zone,
	"queue_seen_at" timestamp with time zone,
	"queue_shown_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_preferences_assignment_mail" CHECK ("staff_preferences"."assignment_mail" in ('instant', 'daily'))
);
--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD COLUMN "assignment" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD COLUMN "target_agent_id" uuid;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD COLUMN "last_assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_preferences" ADD CONSTRAINT "staff_preferences_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_target_agent_id_accounts_id_fk" FOREIGN KEY ("target_agent_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_last_assignee_id_accounts_id_fk" FOREIGN KEY ("last_assignee_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_rule_idx" ON "case_events" USING btree (("details"->>'ruleId'),"at") WHERE ("case_events"."details"->>'ruleId') is not null;--> statement-breakpoint
UPDATE "case_routing_rules" SET "assignment" = 'least_loaded' WHERE "auto_assign";--> statement-breakpoint
ALTER TABLE "case_routing_rules" DROP COLUMN "auto_assign";--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_assignment" CHECK ("case_routing_rules"."assignment" in ('none', 'least_loaded', 'round_robin', 'agent'));