import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SearchSource } from "../../core/features/contracts.js";
import type { Locale, LocalizedText } from "../../core/i18n/localized.js";
import { governorates, structures } from "../../core/structures/tables.js";
import { type Db, rowsOf } from "../../db/client.js";

/** Results per page. */
export const PAGE_SIZE = 20;
/** Pages one can reach: past them, a person should say more precisely what they look for. */
export const MAX_PAGES = 50;
/** The results one can reach; past them a search says "more than" this many. */
export const MAX_RESULTS = MAX_PAGES * PAGE_SIZE;
/**
 * The matches a search reads per kind (one more than it can show, to know there are more): the
 * counts and the ranking are done among them, so a common word costs what a rarer one does.
 */
const CAP = MAX_RESULTS + 1;
/** The longest excerpt source read per result (a consultation's body may be long). */
const BODY_CHARS = 20_000;
/** A misspelling search needs a few letters to compare. */
const MIN_FUZZY_LENGTH = 3;

export interface SearchInput {
  q: string;
  /** A kind's URL name, or undefined for every kind. */
  kind?: string;
  structureId?: string;
  governorateCode?: string;
  page: number;
}

export interface SearchHit {
  kind: string;
  id: string;
  path: string;
  /** Officials' text in several languages, or a person's own words. */
  title: LocalizedText | string;
  /** The body in the page's language (or its fallback), capped, and the language it is in. */
  body: string;
  bodyLang: Locale | null;
  structure: { code: string; name: LocalizedText } | null;
  governorate: { code: string; name: LocalizedText } | null;
}

export interface Facet<K> {
  key: K;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The matches counted: all of them, or with `more` the first of them (the count is capped). */
  total: number;
  /** There are more than MAX_RESULTS matches (and `total` is not all of them). */
  more: boolean;
  page: number;
  totalPages: number;
  /** No document holds the words: these are the titles closest in spelling. */
  fuzzy: boolean;
  /** How many results each kind has (whatever kind is chosen), each at most CAP: past MAX_RESULTS, more. */
  kinds: Facet<string>[];
  /** The structures with the most results among the matches counted, and how many each has. */
  structures: Facet<{ id: string; code: string; name: LocalizedText }>[];
}

const KIND = /^[a-z][a-z-]*$/;
const COLUMNS = sql.raw(
  "u(id, path, title, body, structure_id, governorate_code, vector, trigram, updated_at)",
);

/**
 * The documents of the sources that `where` matches, as one relation `u`, each row with its kind:
 * at most CAP of each source, the first its index (or scan) yields, not the best. Among them the
 * search counts and ranks: past CAP a person should say more precisely what they look for.
 */
function matchesOf(sources: SearchSource[], where: SQL): SQL {
  return sql.join(
    sources.map((s) => {
      if (!KIND.test(s.kind)) throw new Error(`search kind "${s.kind}" is not a URL name`);
      return sql`(select ${sql.raw(`'${s.kind}'`)}::text as kind, u.* from (${s.documents}) as ${COLUMNS}
        where ${where} limit ${CAP})`;
    }),
    sql` union all `,
  );
}

/** The match and its score: the full text, or with `fuzzy` the closest title spellings (pg_trgm). */
function matcher(q: string, fuzzy: boolean): { where: SQL; rank: SQL } {
  return fuzzy
    ? {
        where: sql`public.search_fold(${q}) <% u.trigram`,
        rank: sql`word_similarity(public.search_fold(${q}), u.trigram)`,
      }
    : {
        where: sql`u.vector @@ public.search_query(${q})`,
        rank: sql`ts_rank(u.vector, public.search_query(${q}))`,
      };
}

/** The body in the locale's order of languages (a person's words as they are), capped. */
function pickedBody(locale: Locale): SQL {
  const order = { ar: ["ar", "fr", "en"], fr: ["fr", "ar", "en"], en: ["en", "fr", "ar"] }[locale];
  const cases = order.map((l) => sql.raw(`when nullif(u.body->>'${l}', '') is not null then '${l}'`));
  return sql`case when jsonb_typeof(u.body) = 'string' then null ${sql.join(cases, sql` `)} end`;
}

/**
 * Searches every source for `q`, only among documents anyone may read (each source selects only
 * those). The full text first; when nothing holds the words, the titles closest in spelling.
 */
export async function search(
  db: Db,
  sources: SearchSource[],
  locale: Locale,
  input: SearchInput,
): Promise<SearchResult> {
  const q = input.q.trim();
  const empty = {
    hits: [],
    total: 0,
    more: false,
    page: 1,
    totalPages: 1,
    fuzzy: false,
    kinds: [],
    structures: [],
  };
  if (!q || sources.length === 0) return empty;
  const first = await searchWith(db, sources, locale, input, q, false);
  if (first.total > 0 || q.length < MIN_FUZZY_LENGTH) return first;
  const close = await searchWith(db, sources, locale, input, q, true);
  return close.total > 0 ? close : first;
}

async function searchWith(
  db: Db,
  sources: SearchSource[],
  locale: Locale,
  input: SearchInput,
  q: string,
  fuzzy: boolean,
): Promise<SearchResult> {
  const { where, rank } = matcher(q, fuzzy);
  const filters = [where];
  if (input.structureId) filters.push(sql`u.structure_id = ${input.structureId}::uuid`);
  if (input.governorateCode) filters.push(sql`u.governorate_code = ${input.governorateCode}`);
  const matched = sql.join(filters, sql` and `);
  const kind = input.kind ?? null;

  const shown = kind ? sources.filter((s) => s.kind === kind) : sources;
  const pageAt = async (page: number) =>
    rowsOf<{
      kind: string;
      id: string;
      path: string;
      title: LocalizedText | string;
      body: string | null;
      body_lang: Locale | null;
      structure_id: string | null;
      governorate_code: string | null;
    }>(
      await db.execute(sql`select r.kind, r.id, r.path, r.title, r.structure_id, r.governorate_code, r.body_lang,
          left(case when r.body_lang is null then r.body #>> '{}' else r.body->>r.body_lang end, ${BODY_CHARS}) as body
        from (select u.kind, u.id, u.path, u.title, u.body, u.structure_id, u.governorate_code,
            ${pickedBody(locale)} as body_lang, ${rank} as rank, u.updated_at
          from (${matchesOf(shown, matched)}) u
          order by rank desc, u.updated_at desc, u.kind, u.id
          limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}) r
        order by r.rank desc, r.updated_at desc, r.kind, r.id`),
    );
  // The counts and the page asked for at once (each its own scan); the page again only when the
  // one asked for is past the last.
  const asked = Math.min(Math.max(1, input.page), MAX_PAGES);
  const [counted, askedRows] = await Promise.all([
    // One pass for the counts among the matches read: per kind (before the kind filter), per
    // structure (after it).
    db.execute(sql`select u.kind, u.structure_id, grouping(u.kind) as by_structure,
        count(*)::int as all, (count(*) filter (where ${kind}::text is null or u.kind = ${kind}))::int as n
      from (${matchesOf(sources, matched)}) u
      group by grouping sets ((u.kind), (u.structure_id))`),
    pageAt(asked),
  ]);
  const facets = rowsOf<{ kind: string | null; structure_id: string | null; n: number; all: number }>(
    counted,
  );
  const kinds: Facet<string>[] = [];
  const structureCounts = new Map<string, number>();
  for (const row of facets) {
    if (row.kind !== null) kinds.push({ key: row.kind, count: row.all });
    else if (row.structure_id !== null && row.n > 0) structureCounts.set(row.structure_id, row.n);
  }
  const total = kind
    ? (kinds.find((k) => k.key === kind)?.count ?? 0)
    : kinds.reduce((s, k) => s + k.count, 0);
  const more = kind ? total >= CAP : kinds.some((k) => k.count >= CAP);
  const totalPages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const page = Math.min(asked, totalPages);
  if (total === 0) return { hits: [], total, more, page, totalPages, fuzzy, kinds, structures: [] };
  const rows = page === asked ? askedRows : await pageAt(page);

  const topStructures = [...structureCounts].sort((a, b) => b[1] - a[1]).slice(0, 20);
  const structureIds = [
    ...new Set([
      ...rows.flatMap((r) => (r.structure_id ? [r.structure_id] : [])),
      ...topStructures.map(([id]) => id),
      ...(input.structureId ? [input.structureId] : []),
    ]),
  ];
  const codes = [...new Set(rows.flatMap((r) => (r.governorate_code ? [r.governorate_code] : [])))];
  const [named, places] = await Promise.all([
    structureIds.length
      ? db
          .select({ id: structures.id, code: structures.code, name: structures.name })
          .from(structures)
          .where(inArray(structures.id, structureIds))
      : [],
    codes.length
      ? db
          .select({ code: governorates.code, name: governorates.name })
          .from(governorates)
          .where(inArray(governorates.code, codes))
      : [],
  ]);
  const byId = new Map(named.map((s) => [s.id, s]));
  const placeOf = new Map(places.map((g) => [g.code, g]));

  return {
    hits: rows.map((r) => {
      const s = r.structure_id ? byId.get(r.structure_id) : undefined;
      return {
        kind: r.kind,
        id: r.id,
        path: r.path,
        title: r.title,
        body: r.body ?? "",
        bodyLang: r.body_lang,
        structure: s ? { code: s.code, name: s.name } : null,
        governorate: (r.governorate_code && placeOf.get(r.governorate_code)) || null,
      };
    }),
    total,
    more,
    page,
    totalPages,
    fuzzy,
    kinds,
    structures: topStructures.flatMap(([id, count]) => {
      const s = byId.get(id);
      return s ? [{ key: s, count }] : [];
    }),
  };
}

/** The governorates, in their order, for the place filter. */
export async function listGovernorates(db: Db) {
  return db.select().from(governorates).orderBy(asc(governorates.position));
}

/** A structure by its code (the structure filter), or null. */
export async function findStructureByCode(db: Db, code: string) {
  const [row] = await db
    .select({ id: structures.id, code: structures.code, name: structures.name })
    .from(structures)
    .where(eq(structures.code, code));
  return row ?? null;
}
