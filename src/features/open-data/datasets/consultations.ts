import { sql } from "drizzle-orm";
import { BadRequestError } from "../../../core/errors/app-error.js";
import { type Db, rowsOf } from "../../../db/client.js";
import { phaseOf } from "../../consultations/phase.js";
import { type Dataset, decodeCursor, encodeCursor, pseudonym, type Row } from "../dataset.js";

/*
 * What consultations produced: the consultations, their sections, every contribution (anonymised),
 * the questionnaires' aggregated results and the decisions taken section by section. Only published
 * consultations; questionnaire results once a consultation has closed, decisions once published.
 */

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/** Keyset pages over (created_at, id): the position is the row's exact created_at text and id. */
function keyset(position: readonly [string, string, ...string[]] | null, alias: string) {
  return position
    ? sql`and (${sql.raw(alias)}.created_at, ${sql.raw(alias)}.id) > (${position[0]}::timestamptz, ${position[1]}::uuid)`
    : sql``;
}

function paged<T extends { cursor_at: string; id: string }>(rows: T[], limit: number, extra: string[] = []) {
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { shown, next: more && last ? encodeCursor([last.cursor_at, last.id, ...extra]) : null };
}

const lastChange = async (db: Db, table: string) => {
  const [row] = rowsOf<{ at: string | null }>(
    await db.execute(sql.raw(`select max(updated_at) as at from ${table}`)),
  );
  return row?.at ? new Date(row.at) : null;
};
const countOf = async (db: Db, query: ReturnType<typeof sql>) => {
  const [row] = rowsOf<{ n: number }>(await db.execute(query));
  return Number(row?.n ?? 0);
};

export const consultationsDataset: Dataset = {
  id: "consultations",
  columns: {
    id: "string",
    structure_code: "string",
    title_ar: "string?",
    title_fr: "string?",
    title_en: "string?",
    theme: "string",
    area: "string",
    governorate_code: "string?",
    phase: "string",
    opens_at: "string",
    closes_at: "string",
    outcome_published_at: "string?",
    sections: "integer",
    participants: "integer",
    comments: "integer",
    questionnaire_responses: "integer",
  },
  frequency: "CONT",
  async page({ db }, cursor, limit) {
    const rows = rowsOf<Record<string, unknown> & { cursor_at: string; id: string }>(
      await db.execute(sql`
        select c.id, s.code as structure_code, c.title->>'ar' as title_ar, c.title->>'fr' as title_fr,
          c.title->>'en' as title_en, c.theme, c.area, c.governorate_code,
          c.opens_at, c.closes_at, c.outcome_published_at, c.created_at::text as cursor_at,
          (select count(*)::int from consultation_sections x where x.consultation_id = c.id) as sections,
          (select count(*)::int from (
            select author_id from consultation_comments x where x.consultation_id = c.id and x.author_id is not null
            union select account_id from consultation_responses x where x.consultation_id = c.id and x.account_id is not null
          ) people) as participants,
          (select count(*)::int from consultation_comments x where x.consultation_id = c.id and x.status = 'visible' and x.moderation_state = 'visible') as comments,
          (select count(*)::int from consultation_responses x where x.consultation_id = c.id) as questionnaire_responses
        from consultations c join structures s on s.id = c.structure_id
        where c.visibility = 'published' ${keyset(decodeCursor(cursor, ["at", "id"]), "c")}
        order by c.created_at, c.id limit ${limit + 1}`),
    );
    const { shown, next } = paged(rows, limit);
    const date = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    return {
      rows: shown.map(({ cursor_at: _, opens_at, closes_at, outcome_published_at, ...r }) => ({
        ...(r as Row),
        phase: phaseOf({
          visibility: "published",
          opensAt: new Date(opens_at as string),
          closesAt: new Date(closes_at as string),
          outcomePublishedAt: outcome_published_at ? new Date(outcome_published_at as string) : null,
        }),
        opens_at: date(opens_at),
        closes_at: date(closes_at),
        outcome_published_at: date(outcome_published_at),
      })),
      next,
    };
  },
  count: (db) =>
    countOf(db, sql`select count(*)::int as n from consultations where visibility = 'published'`),
  modified: (db) => lastChange(db, "consultations"),
};

export const sectionsDataset: Dataset = {
  id: "consultation-sections",
  columns: {
    id: "string",
    consultation_id: "string",
    position: "integer",
    title_ar: "string?",
    title_fr: "string?",
    title_en: "string?",
    comments_for: "integer",
    comments_against: "integer",
    comments_neutral: "integer",
    replies: "integer",
  },
  frequency: "CONT",
  async page({ db }, cursor, limit) {
    const rows = rowsOf<Row & { cursor_at: string; id: string }>(
      await db.execute(sql`
        select x.id, x.consultation_id, x.position, x.title->>'ar' as title_ar, x.title->>'fr' as title_fr,
          x.title->>'en' as title_en, x.created_at::text as cursor_at,
          count(m.id) filter (where m.alignment = 'for')::int as comments_for,
          count(m.id) filter (where m.alignment = 'against')::int as comments_against,
          count(m.id) filter (where m.alignment = 'neutral')::int as comments_neutral,
          count(m.id) filter (where m.parent_id is not null)::int as replies
        from consultation_sections x
        join consultations c on c.id = x.consultation_id and c.visibility = 'published'
        left join consultation_comments m on m.section_id = x.id and m.status = 'visible' and m.moderation_state = 'visible'
        where true ${keyset(decodeCursor(cursor, ["at", "id"]), "x")}
        group by x.id order by x.created_at, x.id limit ${limit + 1}`),
    );
    const { shown, next } = paged(rows, limit);
    return { rows: shown.map(({ cursor_at: _, ...r }) => r), next };
  },
  count: (db) =>
    countOf(
      db,
      sql`select count(*)::int as n from consultation_sections x join consultations c on c.id = x.consultation_id where c.visibility = 'published'`,
    ),
  modified: (db) => lastChange(db, "consultation_sections"),
};

/**
 * Every comment and reply on published consultations. The author is a pseudonym stable within one
 * release (the server's day when the download or the API walk began: a cursor of an earlier day is
 * refused, so no client keeps pseudonyms from one day to the next) and
 * this dataset only; official answers say so. Hidden or removed texts are left empty; texts held for
 * review are not public yet and left out.
 */
export const contributionsDataset: Dataset = {
  id: "contributions",
  columns: {
    id: "string",
    consultation_id: "string",
    section_position: "integer?",
    parent_id: "string?",
    depth: "integer",
    author: "string?",
    official: "boolean",
    alignment: "string?",
    status: "string",
    body: "string",
    supports: "integer",
    created_at: "string",
  },
  frequency: "CONT",
  async page({ db, secret, release }, cursor, limit) {
    // The release is the server's day; a walk begun on an earlier day cannot go on with its pseudonyms.
    const position = decodeCursor(cursor, ["at", "id", "release"]);
    if (position && position[2] !== release) throw new BadRequestError({ problem: "cursor" });
    // The published consultations' ids, given as values rather than joined: PostgreSQL then knows
    // from its statistics how many comments they hold, and walks the (created_at, id) index to the
    // page's end. Joined, it guessed a few hundred rows and sorted all the remaining ones per page.
    const published = `{${rowsOf<{ id: string }>(
      await db.execute(sql`select id from consultations where visibility = 'published'`),
    )
      .map((r) => r.id)
      .join(",")}}`;
    const rows = rowsOf<{
      id: string;
      consultation_id: string;
      section_position: number | null;
      parent_id: string | null;
      depth: number;
      author_id: string | null;
      official: boolean;
      alignment: string | null;
      status: string;
      body: string;
      supports: number;
      created_at: string;
      cursor_at: string;
    }>(
      await db.execute(sql`
        select m.id, m.consultation_id, x.position as section_position, m.parent_id, m.depth, m.author_id,
          m.official, m.alignment, case when m.moderation_state = 'hidden' then 'hidden' else m.status::text end as status,
          case when m.status = 'visible' and m.moderation_state = 'visible' then m.body else '' end as body,
          m.support_count as supports, ${iso("m.created_at")} as created_at, m.created_at::text as cursor_at
        from consultation_comments m
        left join consultation_sections x on x.id = m.section_id
        where m.consultation_id = any(${published}::uuid[]) and m.moderation_state <> 'held' ${keyset(position, "m")}
        order by m.created_at, m.id limit ${limit + 1}`),
    );
    const { shown, next } = paged(rows, limit, [release]);
    return {
      rows: shown.map(({ cursor_at: _, author_id, ...r }) => ({
        ...r,
        author: author_id ? pseudonym(secret, release, "contributions", author_id) : null,
      })),
      next,
    };
  },
  count: (db) =>
    countOf(
      db,
      sql`select count(*)::int as n from consultation_comments m join consultations c on c.id = m.consultation_id where c.visibility = 'published' and m.moderation_state <> 'held'`,
    ),
  modified: (db) => lastChange(db, "consultation_comments"),
};

/**
 * The questionnaires' results, aggregated: for each question of a closed consultation, one row per
 * option (or scale value) with how many chose it; text questions give only how many answered.
 */
export const questionnaireResultsDataset: Dataset = {
  id: "questionnaire-results",
  columns: {
    question_id: "string",
    consultation_id: "string",
    question_position: "integer",
    question_kind: "string",
    prompt_ar: "string?",
    prompt_fr: "string?",
    prompt_en: "string?",
    answer: "string?",
    count: "integer",
  },
  frequency: "DAILY",
  async page({ db }, cursor, limit) {
    const rows = rowsOf<
      Row & { cursor_at: string; id: string; answers: Array<{ answer: string | null; count: number }> }
    >(
      await db.execute(sql`
        select q.id, q.consultation_id, q.position as question_position, q.kind as question_kind,
          q.prompt->>'ar' as prompt_ar, q.prompt->>'fr' as prompt_fr, q.prompt->>'en' as prompt_en,
          q.created_at::text as cursor_at,
          coalesce((select json_agg(json_build_object('answer', a.answer, 'count', a.n) order by a.answer)
            from (
              select choice as answer, count(*)::int as n from consultation_answers x, unnest(x.choices) choice
                where x.question_id = q.id and q.kind in ('single', 'multiple') group by choice
              union all select x.scale::text, count(*)::int from consultation_answers x
                where x.question_id = q.id and q.kind = 'scale' and x.scale is not null group by x.scale
              union all select null, count(*)::int from consultation_answers x
                where x.question_id = q.id and q.kind in ('short_text', 'long_text') and x.text <> ''
            ) a), '[]'::json) as answers
        from consultation_questions q
        join consultations c on c.id = q.consultation_id and c.visibility = 'published'
          and (c.closes_at <= now() or c.outcome_published_at is not null)
        where true ${keyset(decodeCursor(cursor, ["at", "id"]), "q")}
        order by q.created_at, q.id limit ${limit + 1}`),
    );
    const { shown, next } = paged(rows, limit);
    return {
      rows: shown.flatMap(({ cursor_at: _, answers, id, ...q }) =>
        answers.map((a) => ({ question_id: id, ...q, answer: a.answer, count: Number(a.count) })),
      ),
      next,
    };
  },
  count: (db) =>
    countOf(
      db,
      sql`select count(*)::int as n from consultation_questions q join consultations c on c.id = q.consultation_id
        where c.visibility = 'published' and (c.closes_at <= now() or c.outcome_published_at is not null)`,
    ),
  modified: (db) => lastChange(db, "consultation_responses"),
};

/** What was decided, section by section, once a consultation's outcome is published. */
export const outcomesDataset: Dataset = {
  id: "consultation-outcomes",
  columns: {
    id: "string",
    consultation_id: "string",
    section_position: "integer",
    decision: "string",
    reason_ar: "string?",
    reason_fr: "string?",
    reason_en: "string?",
    final_text_url: "string?",
    no_link_reason_ar: "string?",
    no_link_reason_fr: "string?",
    no_link_reason_en: "string?",
    published_at: "string",
  },
  frequency: "CONT",
  async page({ db }, cursor, limit) {
    const rows = rowsOf<Row & { cursor_at: string; id: string }>(
      await db.execute(sql`
        select o.id, o.consultation_id, x.position as section_position, o.decision,
          o.reason->>'ar' as reason_ar, o.reason->>'fr' as reason_fr, o.reason->>'en' as reason_en,
          o.final_text_url, o.no_link_reason->>'ar' as no_link_reason_ar, o.no_link_reason->>'fr' as no_link_reason_fr,
          o.no_link_reason->>'en' as no_link_reason_en, ${iso("c.outcome_published_at")} as published_at,
          o.created_at::text as cursor_at
        from consultation_outcomes o
        join consultations c on c.id = o.consultation_id and c.visibility = 'published' and c.outcome_published_at is not null
        join consultation_sections x on x.id = o.section_id
        where true ${keyset(decodeCursor(cursor, ["at", "id"]), "o")}
        order by o.created_at, o.id limit ${limit + 1}`),
    );
    const { shown, next } = paged(rows, limit);
    return { rows: shown.map(({ cursor_at: _, ...r }) => r), next };
  },
  count: (db) =>
    countOf(
      db,
      sql`select count(*)::int as n from consultation_outcomes o join consultations c on c.id = o.consultation_id
        where c.visibility = 'published' and c.outcome_published_at is not null`,
    ),
  modified: (db) => lastChange(db, "consultation_outcomes"),
};
