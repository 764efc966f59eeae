CREATE TABLE "case_team_members" (
	"team_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_team_members_team_id_account_id_pk" PRIMARY KEY("team_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "case_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "case_routing_rules_place_unique";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD COLUMN "target_team_id" uuid;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_team_id_case_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."case_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_teams" ADD CONSTRAINT "case_teams_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_teams" ADD CONSTRAINT "case_teams_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_team_members_account_idx" ON "case_team_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "case_teams_structure_idx" ON "case_teams" USING btree ("structure_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_case_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."case_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_municipality_id_structures_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_target_team_id_case_teams_id_fk" FOREIGN KEY ("target_team_id") REFERENCES "public"."case_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_team_idx" ON "cases" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_routing_rules_municipality_unique" ON "case_routing_rules" USING btree ("category_id","municipality_id") WHERE "case_routing_rules"."municipality_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_routing_rules_place_unique" ON "case_routing_rules" USING btree ("category_id","governorate_code") WHERE "case_routing_rules"."governorate_code" is not null and "case_routing_rules"."municipality_id" is null;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_municipality_governorate" CHECK ("case_routing_rules"."municipality_id" is null or "case_routing_rules"."governorate_code" is not null);