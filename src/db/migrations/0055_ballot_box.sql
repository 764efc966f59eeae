CREATE TABLE "budget_ballot_box" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"receipt_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_ballot_box_items" (
	"box_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	CONSTRAINT "budget_ballot_box_items_box_id_proposal_id_pk" PRIMARY KEY("box_id","proposal_id")
);
--> statement-breakpoint
ALTER TABLE "budget_ballot_box" ADD CONSTRAINT "budget_ballot_box_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballot_box_items" ADD CONSTRAINT "budget_ballot_box_items_box_id_budget_ballot_box_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."budget_ballot_box"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ballot_box_items" ADD CONSTRAINT "budget_ballot_box_items_proposal_id_budget_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."budget_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ballot_box_receipt_unique" ON "budget_ballot_box" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "budget_ballot_box_budget_idx" ON "budget_ballot_box" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "budget_ballot_box_items_proposal_idx" ON "budget_ballot_box_items" USING btree ("proposal_id");