import { inArray } from "drizzle-orm";
import { governorates, structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { GOVERNORATES, REFERENCE_STRUCTURES } from "../reference-data.js";

/**
 * Inserts the 24 governorates and the reference structures (presidency, central office,
 * ministries, governorates, capital municipalities, independent bodies) that are missing.
 * Existing rows are left alone, so admins' edits survive restarts and upgrades.
 */
export async function seedReferenceStructures(db: Db): Promise<void> {
  await db
    .insert(governorates)
    .values(GOVERNORATES.map((g, position) => ({ code: g.code, name: g.name, position })))
    .onConflictDoNothing();

  const existing = await db
    .select({ id: structures.id, code: structures.code })
    .from(structures)
    .where(
      inArray(
        structures.code,
        REFERENCE_STRUCTURES.map((s) => s.code),
      ),
    );
  const idByCode = new Map(existing.map((s) => [s.code, s.id]));

  // Parents come before children in REFERENCE_STRUCTURES, so one pass resolves every parent.
  for (const s of REFERENCE_STRUCTURES) {
    if (idByCode.has(s.code)) continue;
    const [row] = await db
      .insert(structures)
      .values({
        code: s.code,
        kind: s.kind,
        parentId: s.parentCode ? (idByCode.get(s.parentCode) ?? null) : null,
        governorateCode: s.governorateCode,
        name: s.name,
        summary: s.summary,
        contact: s.contact,
      })
      .onConflictDoNothing()
      .returning({ id: structures.id });
    if (row) idByCode.set(s.code, row.id);
  }
}
