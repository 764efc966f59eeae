CREATE TYPE "public"."legal_page" AS ENUM('terms', 'privacy', 'accessibility');--> statement-breakpoint
CREATE TABLE "legal_acceptances" (
	"account_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_acceptances_account_id_version_id_pk" PRIMARY KEY("account_id","version_id")
);
--> statement-breakpoint
CREATE TABLE "legal_page_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"page" "legal_page" NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_acceptances" ADD CONSTRAINT "legal_acceptances_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_acceptances" ADD CONSTRAINT "legal_acceptances_version_id_legal_page_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."legal_page_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_page_versions" ADD CONSTRAINT "legal_page_versions_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_page_versions_page_idx" ON "legal_page_versions" USING btree ("page","created_at");