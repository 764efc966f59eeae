import { eq } from "drizzle-orm";
import type { FollowableKind } from "../../core/features/contracts.js";
import { isUuid } from "../../core/ids.js";
import { governorates, structures } from "../../core/structures/tables.js";

/** People follow a structure (by id) or a governorate (by code) for their news. */
export const structureFollowables: FollowableKind[] = [
  {
    kind: "structure",
    async name(db, target) {
      if (!isUuid(target)) return null;
      const [row] = await db
        .select({ name: structures.name })
        .from(structures)
        .where(eq(structures.id, target));
      return row?.name ?? null;
    },
  },
  {
    kind: "governorate",
    async name(db, target) {
      const [row] = await db
        .select({ name: governorates.name })
        .from(governorates)
        .where(eq(governorates.code, target));
      return row?.name ?? null;
    },
  },
];
