-- The portal search (/:lang/search). Each feature's documents are indexed where they live, by GIN
-- indexes on these functions' expressions, so the index is current in the writing transaction.
-- search_fold: normalize_arabic() (diacritics, tatweel, hamza and taa marbuta forms, case) and
-- French accent folding, the form both documents and queries are compared in (and trigram-matched).
-- Every name is schema-qualified: pg_restore rebuilds the indexes with an empty search_path.
CREATE OR REPLACE FUNCTION search_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.translate(public.normalize_arabic(input), 'àâäéèêëîïôöùûüÿçœæ', 'aaaeeeeiioouuuycoa') $$;
--> statement-breakpoint
-- search_vector: the folded title (weight A) and body (weight D) as the arabic, french and english
-- configurations read them; each stems its own language and leaves the other languages' words whole.
CREATE OR REPLACE FUNCTION search_vector(title text, body text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
  t text := public.search_fold(coalesce(title, ''));
  b text := public.search_fold(coalesce(body, ''));
BEGIN
  RETURN pg_catalog.setweight(
      pg_catalog.to_tsvector('pg_catalog.arabic', t) || pg_catalog.to_tsvector('pg_catalog.french', t)
        || pg_catalog.to_tsvector('pg_catalog.english', t), 'A')
    || pg_catalog.setweight(
      pg_catalog.to_tsvector('pg_catalog.arabic', b) || pg_catalog.to_tsvector('pg_catalog.french', b)
        || pg_catalog.to_tsvector('pg_catalog.english', b), 'D');
END
$$;
--> statement-breakpoint
-- search_query: a person's words (web-search syntax: "quoted phrase", -excluded, or), folded and
-- read by the three configurations; a document matches when any of the three readings matches.
CREATE OR REPLACE FUNCTION search_query(input text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
  q text := public.search_fold(input);
BEGIN
  RETURN pg_catalog.websearch_to_tsquery('pg_catalog.arabic', q)
    || pg_catalog.websearch_to_tsquery('pg_catalog.french', q)
    || pg_catalog.websearch_to_tsquery('pg_catalog.english', q);
END
$$;
--> statement-breakpoint
CREATE INDEX "structures_fulltext_idx" ON "structures" USING gin (public.search_vector(coalesce(structures.name->>'ar', '') || ' ' || coalesce(structures.name->>'fr', '') || ' ' || coalesce(structures.name->>'en', ''), coalesce(structures.summary->>'ar', '') || ' ' || coalesce(structures.summary->>'fr', '') || ' ' || coalesce(structures.summary->>'en', '')));--> statement-breakpoint
CREATE INDEX "consultation_sections_search_idx" ON "consultation_sections" USING gin (public.search_vector(coalesce(consultation_sections.title->>'ar', '') || ' ' || coalesce(consultation_sections.title->>'fr', '') || ' ' || coalesce(consultation_sections.title->>'en', ''), coalesce(consultation_sections.body->>'ar', '') || ' ' || coalesce(consultation_sections.body->>'fr', '') || ' ' || coalesce(consultation_sections.body->>'en', '')));--> statement-breakpoint
CREATE INDEX "consultation_sections_search_title_idx" ON "consultation_sections" USING gin (public.search_fold(coalesce(consultation_sections.title->>'ar', '') || ' ' || coalesce(consultation_sections.title->>'fr', '') || ' ' || coalesce(consultation_sections.title->>'en', '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "consultations_fulltext_idx" ON "consultations" USING gin (public.search_vector(coalesce(consultations.title->>'ar', '') || ' ' || coalesce(consultations.title->>'fr', '') || ' ' || coalesce(consultations.title->>'en', ''), coalesce(consultations.summary->>'ar', '') || ' ' || coalesce(consultations.summary->>'fr', '') || ' ' || coalesce(consultations.summary->>'en', '') || ' ' || coalesce(consultations.body->>'ar', '') || ' ' || coalesce(consultations.body->>'fr', '') || ' ' || coalesce(consultations.body->>'en', '')));--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin (public.search_vector(coalesce(events.title->>'ar', '') || ' ' || coalesce(events.title->>'fr', '') || ' ' || coalesce(events.title->>'en', ''), coalesce(events.description->>'ar', '') || ' ' || coalesce(events.description->>'fr', '') || ' ' || coalesce(events.description->>'en', '')));--> statement-breakpoint
CREATE INDEX "events_search_title_idx" ON "events" USING gin (public.search_fold(coalesce(events.title->>'ar', '') || ' ' || coalesce(events.title->>'fr', '') || ' ' || coalesce(events.title->>'en', '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "forum_threads_search_idx" ON "forum_threads" USING gin (public.search_vector(forum_threads.title, forum_threads.body));--> statement-breakpoint
CREATE INDEX "forum_threads_search_title_idx" ON "forum_threads" USING gin (public.search_fold(forum_threads.title) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "help_articles_search_idx" ON "help_articles" USING gin (public.search_vector(coalesce(help_articles.title->>'ar', '') || ' ' || coalesce(help_articles.title->>'fr', '') || ' ' || coalesce(help_articles.title->>'en', ''), coalesce(help_articles.body->>'ar', '') || ' ' || coalesce(help_articles.body->>'fr', '') || ' ' || coalesce(help_articles.body->>'en', '')));--> statement-breakpoint
CREATE INDEX "help_articles_search_title_idx" ON "help_articles" USING gin (public.search_fold(coalesce(help_articles.title->>'ar', '') || ' ' || coalesce(help_articles.title->>'fr', '') || ' ' || coalesce(help_articles.title->>'en', '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "ideas_search_idx" ON "ideas" USING gin (public.search_vector(ideas.title, ideas.description));--> statement-breakpoint
CREATE INDEX "ideas_search_title_idx" ON "ideas" USING gin (public.search_fold(ideas.title) gin_trgm_ops);