DROP INDEX "structures_fulltext_idx";--> statement-breakpoint
DROP INDEX "consultation_sections_search_idx";--> statement-breakpoint
DROP INDEX "consultations_fulltext_idx";--> statement-breakpoint
DROP INDEX "events_search_idx";--> statement-breakpoint
DROP INDEX "forum_threads_search_idx";--> statement-breakpoint
DROP INDEX "help_articles_search_idx";--> statement-breakpoint
DROP INDEX "ideas_search_idx";--> statement-breakpoint
DROP INDEX "news_items_search_idx";--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(coalesce(structures.name->>'ar', '') || ' ' || coalesce(structures.name->>'fr', '') || ' ' || coalesce(structures.name->>'en', ''), coalesce(structures.summary->>'ar', '') || ' ' || coalesce(structures.summary->>'fr', '') || ' ' || coalesce(structures.summary->>'en', ''))) STORED;--> statement-breakpoint
ALTER TABLE "consultation_sections" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(coalesce(consultation_sections.title->>'ar', '') || ' ' || coalesce(consultation_sections.title->>'fr', '') || ' ' || coalesce(consultation_sections.title->>'en', ''), coalesce(consultation_sections.body->>'ar', '') || ' ' || coalesce(consultation_sections.body->>'fr', '') || ' ' || coalesce(consultation_sections.body->>'en', ''))) STORED;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(coalesce(consultations.title->>'ar', '') || ' ' || coalesce(consultations.title->>'fr', '') || ' ' || coalesce(consultations.title->>'en', ''), coalesce(consultations.summary->>'ar', '') || ' ' || coalesce(consultations.summary->>'fr', '') || ' ' || coalesce(consultations.summary->>'en', '') || ' ' || coalesce(consultations.body->>'ar', '') || ' ' || coalesce(consultations.body->>'fr', '') || ' ' || coalesce(consultations.body->>'en', ''))) STORED;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(coalesce(events.title->>'ar', '') || ' ' || coalesce(events.title->>'fr', '') || ' ' || coalesce(events.title->>'en', ''), coalesce(events.description->>'ar', '') || ' ' || coalesce(events.description->>'fr', '') || ' ' || coalesce(events.description->>'en', ''))) STORED;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(forum_threads.title, forum_threads.body)) STORED;--> statement-breakpoint
ALTER TABLE "help_articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(coalesce(help_articles.title->>'ar', '') || ' ' || coalesce(help_articles.title->>'fr', '') || ' ' || coalesce(help_articles.title->>'en', ''), coalesce(help_articles.body->>'ar', '') || ' ' || coalesce(help_articles.body->>'fr', '') || ' ' || coalesce(help_articles.body->>'en', ''))) STORED;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(ideas.title, ideas.description)) STORED;--> statement-breakpoint
ALTER TABLE "news_items" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (public.search_vector(coalesce(news_items.title->>'ar', '') || ' ' || coalesce(news_items.title->>'fr', '') || ' ' || coalesce(news_items.title->>'en', ''), coalesce(news_items.summary->>'ar', '') || ' ' || coalesce(news_items.summary->>'fr', '') || ' ' || coalesce(news_items.summary->>'en', '') || ' ' || coalesce(news_items.body->>'ar', '') || ' ' || coalesce(news_items.body->>'fr', '') || ' ' || coalesce(news_items.body->>'en', ''))) STORED;--> statement-breakpoint
CREATE INDEX "structures_fulltext_idx" ON "structures" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "consultation_sections_search_idx" ON "consultation_sections" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "consultations_fulltext_idx" ON "consultations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "forum_threads_search_idx" ON "forum_threads" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "help_articles_search_idx" ON "help_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "ideas_search_idx" ON "ideas" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "news_items_search_idx" ON "news_items" USING gin ("search_vector");