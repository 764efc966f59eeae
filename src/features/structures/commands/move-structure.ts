import { eq, sql } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldError, fieldError, type Result } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { rowsOf } from "../../../db/client.js";
import type { Structure } from "../queries.js";
import { lockParent } from "./create-structure.js";

/** Every move takes this transaction-level lock, so two moves never build a cycle between them. */
const MOVE_LOCK = 7_727_301;

/** True when `candidateId` is `structureId` itself or lies anywhere below it. */
export async function isSelfOrDescendant(db: Db, structureId: string, candidateId: string): Promise<boolean> {
  const rows = rowsOf<{ found: number }>(
    await db.execute(sql`
      with recursive subtree(id) as (
        select id from structures where id = ${structureId}
        union
        select s.id from structures s join subtree t on s.parent_id = t.id
      )
      select 1 as found from subtree where id = ${candidateId} limit 1`),
  );
  return rows.length > 0;
}

/**
 * Moves a structure under another parent ("" for the top of the tree). Refuses an unknown or
 * retired parent, and a cycle: a structure cannot go under itself or anything below it.
 */
export async function moveStructure(
  db: Db,
  structure: Structure,
  input: { parentId?: string },
  context: ChangeContext,
): Promise<Result<{ moved: boolean }, "parentId">> {
  const refuse = (error: FieldError) => ({ ok: false as const, errors: { parentId: error } });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MOVE_LOCK})`);
    const parentId = await lockParent(tx, input.parentId);
    if (parentId === false) return refuse(fieldError("structures.errors.parentInvalid"));
    if (parentId && (await isSelfOrDescendant(tx, structure.id, parentId)))
      return refuse(fieldError("structures.errors.moveCycle"));
    const [current] = await tx
      .select({ parentId: structures.parentId })
      .from(structures)
      .where(eq(structures.id, structure.id))
      .for("update");
    if (!current) return refuse(fieldError("structures.errors.parentInvalid"));
    if (current.parentId === parentId) return { ok: true as const, value: { moved: false } };
    await tx.update(structures).set({ parentId }).where(eq(structures.id, structure.id));
    await audit(
      tx,
      {
        action: "structure.move",
        subjectType: "structure",
        subjectId: structure.id,
        structureId: structure.id,
        details: { code: structure.code, from: current.parentId, to: parentId },
      },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { moved: true } };
  });
}
