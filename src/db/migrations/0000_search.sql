-- Search foundations, identical on PGlite and PostgreSQL.
-- pg_trgm gives similarity search; the arabic, french and english text-search configurations ship with PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Arabic normalisation for search (after Lucene's ArabicNormalizer):
--   removes harakat (U+064B..U+0652), the superscript alef (U+0670) and tatweel (U+0640);
--   folds alef forms (آ أ إ ٱ) to ا, alef maksura ى to ي, and teh marbuta ة to ه;
--   lower-cases the rest, so Latin text compares case-insensitively.
-- IMMUTABLE and PARALLEL SAFE so it can back expression indexes.
CREATE OR REPLACE FUNCTION normalize_arabic(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT lower(translate(
    regexp_replace(input, '[\u064B-\u0652\u0670\u0640]', '', 'g'),
    'آأإٱىة',
    'اااايه'
  ))
$$;
