import { eq, sql } from "drizzle-orm";
import { type ActingContext, audit } from "../../../core/audit/record.js";
import { structuresWithRole } from "../../../core/authz/actor.js";
import type { Result } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { recomputeAncestors } from "../progress.js";
import { type ResultOrigin, results, resultUpdates } from "../tables.js";
import {
  type FieldContext,
  parseResult,
  type ResultField,
  type ResultInput,
  type ResultValues,
} from "./result-fields.js";

export interface Origin {
  origin: ResultOrigin;
  originId: string | null;
  originSectionId: string | null;
}

export const OWN: Origin = { origin: "own", originId: null, originSectionId: null };

/** Inserts a valid result, its first timeline entry (its status and progress at creation), and moves its parents. */
export async function insertResult(
  db: Db,
  values: ResultValues,
  origin: Origin,
  ctx: Pick<ActingContext, "actor" | "request">,
): Promise<string> {
  const [row] = await db
    .insert(results)
    .values({ ...values, ...origin, createdBy: ctx.actor.accountId })
    .returning({ id: results.id });
  const id = row!.id;
  const authorStructureId = structuresWithRole(ctx.actor, "structure_admin", "agent").includes(
    values.structureId,
  )
    ? values.structureId
    : null;
  await db.insert(resultUpdates).values({
    resultId: id,
    happenedOn: values.startsOn && values.startsOn < today() ? values.startsOn : today(),
    statusAfter: values.status,
    progressAfter: values.progress,
    authorId: ctx.actor.accountId,
    authorStructureId,
  });
  await recomputeAncestors(db, id);
  await audit(
    db,
    {
      action: "accountability.result_created",
      subjectType: "result",
      subjectId: id,
      structureId: values.structureId,
      details: { code: values.code, origin: origin.origin, originId: origin.originId },
    },
    ctx.request,
    ctx.actor.accountId,
  );
  return id;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Creates a result from the form (or another feature's record, with its origin). */
export async function createResult(
  db: Db,
  input: ResultInput,
  origin: Origin,
  fieldCtx: FieldContext,
  ctx: ActingContext,
): Promise<Result<{ id: string }, ResultField>> {
  return db.transaction(async (tx) => {
    const { values, errors } = await parseResult(tx, input, fieldCtx);
    if (!values) return { ok: false, errors };
    return { ok: true, value: { id: await insertResult(tx, values, origin, ctx) } };
  });
}

/**
 * Changes a result's commitment (texts, place, theme, dates, weight, budget, parent). Its status and
 * progress move only through updates, so the form's are ignored here.
 */
export async function editResult(
  db: Db,
  id: string,
  input: ResultInput,
  fieldCtx: FieldContext,
  ctx: ActingContext,
): Promise<Result<{ id: string }, ResultField>> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(results).where(eq(results.id, id)).for("update");
    if (!before) return { ok: false, errors: {} };
    const { values, errors } = await parseResult(
      tx,
      { ...input, status: before.status, progress: String(before.progress), dropReasonAr: "-" },
      { ...fieldCtx, editingId: id },
    );
    if (!values) return { ok: false, errors };
    if (values.parentId && (await isAncestorOrSelf(tx, id, values.parentId)))
      return { ok: false, errors: { parentId: { key: "accountability.errors.parent" } } };
    const { status: _s, progress: _p, dropReason: _d, ...commitment } = values;
    await tx
      .update(results)
      .set({ ...commitment, updatedAt: sql`now()` })
      .where(eq(results.id, id));
    await recomputeAncestors(tx, id);
    if (before.parentId && before.parentId !== values.parentId) {
      const [sibling] = await tx
        .select({ id: results.id })
        .from(results)
        .where(eq(results.parentId, before.parentId))
        .limit(1);
      if (sibling) await recomputeAncestors(tx, sibling.id);
    }
    await audit(
      tx,
      {
        action: "accountability.result_edited",
        subjectType: "result",
        subjectId: id,
        structureId: values.structureId,
      },
      ctx.request,
      ctx.actor.accountId,
    );
    return { ok: true, value: { id } };
  });
}

/** Whether `candidate` is `id` itself or one of its descendants (a parent there would make a loop). */
async function isAncestorOrSelf(db: Db, id: string, candidate: string): Promise<boolean> {
  let current: string | null = candidate;
  const seen = new Set<string>();
  while (current && !seen.has(current)) {
    if (current === id) return true;
    seen.add(current);
    const [row]: Array<{ parentId: string | null }> = await db
      .select({ parentId: results.parentId })
      .from(results)
      .where(eq(results.id, current));
    current = row?.parentId ?? null;
  }
  return false;
}
