import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.js";
import { type Dataset, decodeCursor, encodeCursor, type Row } from "../open-data/dataset.js";
import { findOpinionMapData } from "./queries.js";

/**
 * The opinion maps of published consultations, one row per approved statement: its votes, its
 * group-aware consensus, and the groups it represents (as computed by the last run of the map).
 * Pages hold whole consultations (`limit` counts consultations). No voter is named or counted
 * individually.
 */
export const opinionMapsDataset: Dataset = {
  id: "opinion-maps",
  columns: {
    consultation_id: "string",
    statement_id: "string",
    body_ar: "string?",
    body_fr: "string?",
    body_en: "string?",
    seeded: "boolean",
    agree: "integer",
    disagree: "integer",
    pass: "integer",
    group_aware_consensus: "number?",
    representative_of: "string",
    computed_at: "string?",
  },
  frequency: "CONT",
  theme: "SOCI",
  async page({ db }, cursor, limit) {
    const [after] = decodeCursor(cursor, ["id"]) ?? [];
    const chosen = rowsOf<{ id: string }>(
      await db.execute(sql`
        select c.id from consultations c join opinion_maps m on m.consultation_id = c.id
        where c.visibility = 'published' ${after ? sql`and c.id > ${after}::uuid` : sql``}
        order by c.id limit ${limit + 1}`),
    );
    const more = chosen.length > limit;
    const shown = chosen.slice(0, limit);
    const rows: Row[] = [];
    for (const { id } of shown) {
      const map = await findOpinionMapData(db, id);
      for (const s of map.statements) {
        const body = s.body as { ar?: string; fr?: string; en?: string };
        rows.push({
          consultation_id: id,
          statement_id: s.id,
          body_ar: body.ar ?? null,
          body_fr: body.fr ?? null,
          body_en: body.en ?? null,
          seeded: s.seeded,
          agree: s.agree,
          disagree: s.disagree,
          pass: s.pass,
          group_aware_consensus: s.groupAwareConsensus,
          representative_of: map.groups
            .filter((g) => g.representative.some((r) => r.statementId === s.id))
            .map((g) => g.label)
            .join(" "),
          computed_at: map.computedAt ? new Date(map.computedAt).toISOString() : null,
        });
      }
    }
    return { rows, next: more ? encodeCursor([shown.at(-1)!.id]) : null };
  },
  async count(db) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from opinion_statements s
        join consultations c on c.id = s.consultation_id and c.visibility = 'published'
        join opinion_maps m on m.consultation_id = c.id where s.status = 'approved'`),
    );
    return Number(row?.n ?? 0);
  },
  async modified(db) {
    const [row] = rowsOf<{ at: string | null }>(
      await db.execute(sql`select max(updated_at) as at from opinion_maps`),
    );
    return row?.at ? new Date(row.at) : null;
  },
};
