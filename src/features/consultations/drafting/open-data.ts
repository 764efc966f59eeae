import { sql } from "drizzle-orm";
import { BadRequestError } from "../../../core/errors/app-error.js";
import { LOCALES } from "../../../core/i18n/localized.js";
import { rowsOf } from "../../../db/client.js";
import { type Dataset, decodeCursor, pseudonym, type Row } from "../../open-data/dataset.js";
import { countOf, iso, keyset, lastChange, paged } from "../open-data-sql.js";
import { diffText } from "./diff.js";
import type { VersionSection } from "./tables.js";

/*
 * Drafting together as open data: the amendments people proposed and what became of them, and every
 * published version of the texts with what changed from the version before. Published
 * consultations only.
 */

const published = sql`select id from consultations where visibility = 'published'`;

/**
 * Every amendment proposed on a published consultation: the paragraph it is about, the wording it
 * replaces and proposes, the reason, its supports, and the drafting team's decision (with the
 * wording accepted and the version it went into). The author is a pseudonym, as in the
 * contributions dataset (stable within one day's release of this dataset only). An amendment held
 * for review is left out; one hidden by a moderator keeps its place with its texts empty.
 */
export const amendmentsDataset: Dataset = {
  id: "amendments",
  columns: {
    id: "string",
    consultation_id: "string",
    section_position: "integer",
    paragraph: "integer",
    lang: "string",
    base_version: "integer",
    author: "string?",
    hidden: "boolean",
    original: "string",
    proposed: "string",
    reason: "string",
    supports: "integer",
    status: "string",
    accepted_text: "string?",
    decision_reason: "string?",
    decided_at: "string?",
    applied_version: "integer?",
    created_at: "string",
  },
  frequency: "CONT",
  theme: "SOCI",
  async page({ db, secret, release }, cursor, limit) {
    const position = decodeCursor(cursor, ["at", "id", "release"]);
    if (position && position[2] !== release) throw new BadRequestError({ problem: "cursor" });
    const rows = rowsOf<Row & { id: string; cursor_at: string; author_id: string | null; hidden: boolean }>(
      await db.execute(sql`
        select a.id, a.consultation_id, x.position as section_position, a.paragraph, a.lang,
          a.base_version, a.author_id, a.moderation_state = 'hidden' as hidden, a.original,
          case when a.moderation_state = 'hidden' then '' else a.proposed end as proposed,
          case when a.moderation_state = 'hidden' then '' else a.reason end as reason,
          a.support_count as supports, a.status::text as status, a.accepted_text, a.decision_reason,
          ${iso("a.decided_at")} as decided_at, a.applied_version, ${iso("a.created_at")} as created_at,
          a.created_at::text as cursor_at
        from consultation_amendments a
        join consultation_sections x on x.id = a.section_id
        where a.consultation_id in (${published}) and a.moderation_state <> 'held' ${keyset(position, "a")}
        order by a.created_at, a.id limit ${limit + 1}`),
    );
    const { shown, next } = paged(rows, limit, [release]);
    return {
      rows: shown.map(({ cursor_at: _, author_id, ...r }) => ({
        ...r,
        author: author_id ? pseudonym(secret, release, "amendments", author_id) : null,
      })),
      next,
    };
  },
  count: (db) =>
    countOf(
      db,
      sql`select count(*)::int as n from consultation_amendments
        where consultation_id in (${published}) and moderation_state <> 'held'`,
    ),
  modified: (db) => lastChange(db, "consultation_amendments"),
};

/** What changed in one section, in one language, from the version before: word-level runs. */
interface SectionChange {
  section_position: number;
  lang: string;
  diff: Array<{ kind: "same" | "del" | "ins"; text: string }>;
}

/** The sections whose title or text changed between two versions, as word-level diffs per language. */
function changesFrom(before: VersionSection[], after: VersionSection[]): SectionChange[] {
  const changes: SectionChange[] = [];
  for (const section of after) {
    const old = before.find((s) => s.sectionId === section.sectionId);
    for (const lang of LOCALES) {
      const was = old?.body[lang] ?? "";
      const now = section.body[lang] ?? "";
      if (was !== now) changes.push({ section_position: section.position, lang, diff: diffText(was, now) });
    }
  }
  return changes;
}

/**
 * Every published version of a consulted text: its number and date, the drafting team's note, the
 * sections as they read in it (JSON), and what changed from the version before as word-level diffs
 * (JSON; empty for the first version). Officials' texts only.
 */
export const textVersionsDataset: Dataset = {
  id: "text-versions",
  columns: {
    id: "string",
    consultation_id: "string",
    number: "integer",
    published_at: "string",
    note_ar: "string?",
    note_fr: "string?",
    note_en: "string?",
    sections: "string",
    changes: "string",
  },
  frequency: "CONT",
  theme: "GOVE",
  async page({ db }, cursor, limit) {
    const rows = rowsOf<{
      id: string;
      consultation_id: string;
      number: number;
      published_at: string;
      note: Record<string, string> | null;
      sections: VersionSection[];
      before: VersionSection[] | null;
      cursor_at: string;
    }>(
      await db.execute(sql`
        select v.id, v.consultation_id, v.number, ${iso("v.published_at")} as published_at, v.note,
          v.sections, p.sections as before, v.created_at::text as cursor_at
        from consultation_text_versions v
        left join consultation_text_versions p
          on p.consultation_id = v.consultation_id and p.number = v.number - 1
        where v.consultation_id in (${published}) ${keyset(decodeCursor(cursor, ["at", "id"]), "v")}
        order by v.created_at, v.id limit ${limit + 1}`),
    );
    const { shown, next } = paged(rows, limit);
    return {
      rows: shown.map(({ cursor_at: _, note, sections, before, ...r }) => ({
        ...r,
        note_ar: note?.ar ?? null,
        note_fr: note?.fr ?? null,
        note_en: note?.en ?? null,
        sections: JSON.stringify(
          sections.map((s) => ({ section_position: s.position, title: s.title, body: s.body })),
        ),
        changes: JSON.stringify(before ? changesFrom(before, sections) : []),
      })),
      next,
    };
  },
  count: (db) =>
    countOf(
      db,
      sql`select count(*)::int as n from consultation_text_versions where consultation_id in (${published})`,
    ),
  modified: (db) => lastChange(db, "consultation_text_versions"),
};
