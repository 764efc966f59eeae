import { sql } from "drizzle-orm";
import { BadRequestError } from "../../core/errors/app-error.js";
import { rowsOf } from "../../db/client.js";
import { type Dataset, decodeCursor, pseudonym, type Row } from "../open-data/dataset.js";
import { countOf, iso, keyset, lastChange, paged } from "./open-data-sql.js";

/*
 * What people contributed to published consultations: every comment and reply (anonymised), and the
 * questionnaires' aggregated results once a consultation has closed.
 */

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
    passage_paragraph: "integer?",
    passage_quote: "string?",
    created_at: "string",
  },
  frequency: "CONT",
  theme: "SOCI",
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
      passage_paragraph: number | null;
      passage_quote: string | null;
      created_at: string;
      cursor_at: string;
    }>(
      await db.execute(sql`
        select m.id, m.consultation_id, x.position as section_position, m.parent_id, m.depth, m.author_id,
          m.official, m.alignment, case when m.moderation_state = 'hidden' then 'hidden' else m.status::text end as status,
          case when m.status = 'visible' and m.moderation_state = 'visible' then m.body else '' end as body,
          m.support_count as supports, (m.anchor->>'paragraph')::int as passage_paragraph,
          m.anchor->>'quote' as passage_quote, ${iso("m.created_at")} as created_at, m.created_at::text as cursor_at
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
  theme: "SOCI",
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
