CREATE TYPE "public"."news_category" AS ENUM('consultation_opened', 'results_published', 'training', 'information_day');--> statement-breakpoint
CREATE TABLE "news_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"category" "news_category" NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"image_key" text,
	"image_mime" text,
	"image_alt" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"pinned" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_items_published_idx" ON "news_items" USING btree ("published","published_at");--> statement-breakpoint
CREATE INDEX "news_items_structure_idx" ON "news_items" USING btree ("structure_id","published_at");--> statement-breakpoint
CREATE INDEX "news_items_search_idx" ON "news_items" USING gin (public.search_vector(coalesce(news_items.title->>'ar', '') || ' ' || coalesce(news_items.title->>'fr', '') || ' ' || coalesce(news_items.title->>'en', ''), coalesce(news_items.summary->>'ar', '') || ' ' || coalesce(news_items.summary->>'fr', '') || ' ' || coalesce(news_items.summary->>'en', '') || ' ' || coalesce(news_items.body->>'ar', '') || ' ' || coalesce(news_items.body->>'fr', '') || ' ' || coalesce(news_items.body->>'en', '')));--> statement-breakpoint
CREATE INDEX "news_items_search_title_idx" ON "news_items" USING gin (public.search_fold(coalesce(news_items.title->>'ar', '') || ' ' || coalesce(news_items.title->>'fr', '') || ' ' || coalesce(news_items.title->>'en', '')) gin_trgm_ops);