CREATE TYPE "public"."structure_kind" AS ENUM('presidency', 'central_office', 'ministry', 'regional_directorate', 'governorate', 'municipality', 'independent_body');--> statement-breakpoint
CREATE TABLE "governorates" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "structures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" "structure_kind" NOT NULL,
	"parent_id" uuid,
	"governorate_code" text,
	"name" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structures_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "structures" ADD CONSTRAINT "structures_parent_id_structures_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structures" ADD CONSTRAINT "structures_governorate_code_governorates_code_fk" FOREIGN KEY ("governorate_code") REFERENCES "public"."governorates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "structures_parent_idx" ON "structures" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "structures_governorate_idx" ON "structures" USING btree ("governorate_code");