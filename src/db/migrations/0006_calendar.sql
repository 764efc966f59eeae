CREATE TYPE "public"."holiday_kind" AS ENUM('fixed', 'dated');--> statement-breakpoint
CREATE TABLE "deadline_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"structure_id" uuid,
	"working_days" integer NOT NULL,
	"legal_basis" jsonb,
	"pause_allowed" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_policies_case_type" CHECK ("deadline_policies"."case_type" in ('notice', 'complaint', 'suggestion', 'guidance', 'information')),
	CONSTRAINT "deadline_policies_working_days" CHECK ("deadline_policies"."working_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "holiday_kind" NOT NULL,
	"date" date,
	"month" smallint,
	"day" smallint,
	"name" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holidays_kind_fields" CHECK (("holidays"."kind" = 'fixed' and "holidays"."date" is null and "holidays"."month" between 1 and 12 and "holidays"."day" between 1 and 31)
        or ("holidays"."kind" = 'dated' and "holidays"."date" is not null and "holidays"."month" is null and "holidays"."day" is null))
);
--> statement-breakpoint
ALTER TABLE "deadline_policies" ADD CONSTRAINT "deadline_policies_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_policies_default_unique" ON "deadline_policies" USING btree ("case_type") WHERE "deadline_policies"."structure_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_policies_override_unique" ON "deadline_policies" USING btree ("case_type","structure_id") WHERE "deadline_policies"."structure_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_fixed_unique" ON "holidays" USING btree ("month","day") WHERE "holidays"."kind" = 'fixed';--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_dated_unique" ON "holidays" USING btree ("date") WHERE "holidays"."kind" = 'dated';