CREATE TYPE "public"."opinion_statement_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "opinion_maps" (
	"consultation_id" uuid PRIMARY KEY NOT NULL,
	"snapshot" jsonb,
	"state" jsonb,
	"computed_at" timestamp with time zone,
	"stale_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"author_id" uuid,
	"seeded" boolean DEFAULT false NOT NULL,
	"status" "opinion_statement_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_votes" (
	"statement_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"vote" smallint NOT NULL,
	"changes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_votes_statement_id_account_id_pk" PRIMARY KEY("statement_id","account_id"),
	CONSTRAINT "opinion_votes_vote_check" CHECK ("opinion_votes"."vote" in (-1, 0, 1))
);
--> statement-breakpoint
ALTER TABLE "opinion_maps" ADD CONSTRAINT "opinion_maps_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_statements" ADD CONSTRAINT "opinion_statements_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_statements" ADD CONSTRAINT "opinion_statements_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_votes" ADD CONSTRAINT "opinion_votes_statement_id_opinion_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."opinion_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_votes" ADD CONSTRAINT "opinion_votes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_votes" ADD CONSTRAINT "opinion_votes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opinion_statements_consultation_idx" ON "opinion_statements" USING btree ("consultation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "opinion_statements_author_idx" ON "opinion_statements" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "opinion_votes_consultation_idx" ON "opinion_votes" USING btree ("consultation_id","updated_at");--> statement-breakpoint
CREATE INDEX "opinion_votes_account_idx" ON "opinion_votes" USING btree ("account_id");