CREATE TYPE "public"."budget_rule" AS ENUM('knapsack', 'pick_n');--> statement-breakpoint
CREATE TYPE "public"."budget_eligibility_method" AS ENUM('eid', 'paper_code');--> statement-breakpoint
CREATE TYPE "public"."budget_proposal_status" AS ENUM('submitted', 'accepted', 'rejected', 'merged');--> statement-breakpoint
CREATE TABLE "budget_ballot_items" (
	"ballot_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	CONSTRAINT "budget_ballot_items_ballot_id_proposal_id_pk" PRIMARY KEY("ballot_id","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "budget_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"receipt_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_districts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"budget_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"share_millimes" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_districts_share_positive" CHECK ("budget_districts"."share_millimes" > 0)
);
--> statement-breakpoint
CREATE TABLE "budget_eligibility" (
	"id" uuid PRIMARY KEY NOT NULL,
	"budget_id" uuid NOT NULL,
	"voter_key_hash" text NOT NULL,
	"method" "budget_eligibility_method" NOT NULL,
	"has_voted" boolean DEFAULT false NOT NULL,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_proposal_supports" (
	"proposal_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_proposal_supports_proposal_id_account_id_pk" PRIMARY KEY("proposal_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "budget_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"budget_id" uuid NOT NULL,
	"code" text NOT NULL,
	"district_id" uuid,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"cost_millimes" bigint NOT NULL,
	"author_id" uuid,
	"status" "budget_proposal_status" DEFAULT 'submitted' NOT NULL,
	"reason" jsonb,
	"merged_into_id" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"support_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_proposals_cost_positive" CHECK ("budget_proposals"."cost_millimes" > 0),
	CONSTRAINT "budget_proposals_merged" CHECK (("budget_proposals"."status" = 'merged') = ("budget_proposals"."merged_into_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"structure_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"amount_millimes" bigint NOT NULL,
	"rule" "budget_rule" DEFAULT 'knapsack' NOT NULL,
	"pick_n" integer,
	"min_share_percent" integer DEFAULT 0 NOT NULL,
	"proposals_from" timestamp with time zone NOT NULL,
	"review_from" timestamp with time zone NOT NULL,
	"voting_from" timestamp with time zone NOT NULL,
	"results_from" timestamp with time zone NOT NULL,
	"implementation_from" timestamp with time zone NOT NULL,
	"voter_key_salt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_phases_ordered" CHECK ("budgets"."proposals_from" <= "budgets"."review_from" and "budgets"."review_from" <= "budgets"."voting_from" and "budgets"."voting_from" < "budgets"."results_from" and "budgets"."results_from" <= "budgets"."implementation_from"),
	CONSTRAINT "budgets_amount_positive" CHECK ("budgets"."amount_millimes" > 0),
	CONSTRAINT "budgets_min_share" CHECK ("budgets"."min_share_percent" between 0 and 100),
	CONSTRAINT "budgets_pick_n" CHECK ("budgets"."rule" <> 'pick_n' or "budgets"."pick_n" > 0)
);
--> statement-breakpoint
ALTER TABLE "budget_ballot_items" ADD CONSTRAINT "budget_ballot_items_ballot_id_budget_ballots_id_fk" FOREIGN KEY ("ballot_id") REFERENCES "public"."budget_ballots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballot_items" ADD CONSTRAINT "budget_ballot_items_proposal_id_budget_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."budget_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballots" ADD CONSTRAINT "budget_ballots_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_districts" ADD CONSTRAINT "budget_districts_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_eligibility" ADD CONSTRAINT "budget_eligibility_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_eligibility" ADD CONSTRAINT "budget_eligibility_issued_by_accounts_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposal_supports" ADD CONSTRAINT "budget_proposal_supports_proposal_id_budget_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."budget_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposal_supports" ADD CONSTRAINT "budget_proposal_supports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_district_id_budget_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."budget_districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_merged_into_id_budget_proposals_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."budget_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_ballot_items_proposal_idx" ON "budget_ballot_items" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ballots_receipt_unique" ON "budget_ballots" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "budget_ballots_budget_idx" ON "budget_ballots" USING btree ("budget_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_districts_code_unique" ON "budget_districts" USING btree ("budget_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_eligibility_voter_unique" ON "budget_eligibility" USING btree ("budget_id","voter_key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_proposals_code_unique" ON "budget_proposals" USING btree ("budget_id","code");--> statement-breakpoint
CREATE INDEX "budget_proposals_list_idx" ON "budget_proposals" USING btree ("budget_id","status","district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_code_unique" ON "budgets" USING btree ("code");--> statement-breakpoint
CREATE INDEX "budgets_structure_idx" ON "budgets" USING btree ("structure_id");