import { asc, count, eq, gt, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { structures } from "../../core/structures/tables.js";
import { type Dataset, decodeCursor, encodeCursor } from "../open-data/dataset.js";

const parent = alias(structures, "parent");

/** The directory of public structures: what each is, where it sits, its names. */
export const structuresDataset: Dataset = {
  id: "structures",
  columns: {
    code: "string",
    kind: "string",
    parent_code: "string?",
    governorate_code: "string?",
    name_ar: "string?",
    name_fr: "string?",
    name_en: "string?",
    retired: "boolean",
    updated_at: "string",
  },
  frequency: "CONT",
  theme: "GOVE",
  async page({ db }, cursor, limit) {
    const [after] = decodeCursor(cursor, ["code"]) ?? [];
    const rows = await db
      .select({
        code: structures.code,
        kind: structures.kind,
        parentCode: parent.code,
        governorateCode: structures.governorateCode,
        name: structures.name,
        retiredAt: structures.retiredAt,
        updatedAt: structures.updatedAt,
      })
      .from(structures)
      .leftJoin(parent, eq(parent.id, structures.parentId))
      .where(after ? gt(structures.code, after) : undefined)
      .orderBy(asc(structures.code))
      .limit(limit + 1);
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    return {
      rows: shown.map((r) => ({
        code: r.code,
        kind: r.kind,
        parent_code: r.parentCode,
        governorate_code: r.governorateCode,
        name_ar: r.name.ar ?? null,
        name_fr: r.name.fr ?? null,
        name_en: r.name.en ?? null,
        retired: r.retiredAt !== null,
        updated_at: r.updatedAt.toISOString(),
      })),
      next: more ? encodeCursor([shown.at(-1)!.code]) : null,
    };
  },
  async count(db) {
    const [row] = await db.select({ n: count() }).from(structures);
    return row?.n ?? 0;
  },
  async modified(db) {
    const [row] = await db.select({ at: max(structures.updatedAt) }).from(structures);
    return row?.at ?? null;
  },
};
