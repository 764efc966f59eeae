import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.js";
import { type Dataset, decodeCursor, type Row } from "../open-data/dataset.js";
import { countOf, iso, keyset, lastChange, paged } from "./open-data-sql.js";
import { phaseOf } from "./phase.js";

/*
 * What consultations produced: the consultations, their sections and the decisions taken section by
 * section (what people contributed is in open-data-participation.ts). Only published consultations;
 * decisions once published.
 */

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
  theme: "GOVE",
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
  theme: "GOVE",
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
  theme: "GOVE",
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
