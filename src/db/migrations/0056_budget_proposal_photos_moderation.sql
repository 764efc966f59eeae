CREATE TABLE "budget_proposal_photos" (
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"file_key" text NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"thumb_key" text NOT NULL,
	"alt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_proposal_photos_proposal_id_position_pk" PRIMARY KEY("proposal_id","position"),
	CONSTRAINT "budget_proposal_photos_position" CHECK ("budget_proposal_photos"."position" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "moderation_state" "moderation_state" DEFAULT 'visible' NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "moderation_reason" text;--> statement-breakpoint
ALTER TABLE "budget_proposal_photos" ADD CONSTRAINT "budget_proposal_photos_proposal_id_budget_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."budget_proposals"("id") ON DELETE cascade ON UPDATE no action;