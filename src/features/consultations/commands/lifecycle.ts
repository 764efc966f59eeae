import { count, eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldError, fieldError } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { phaseOf } from "../phase.js";
import type { Consultation } from "../queries.js";
import { consultationSections, consultations } from "../tables.js";
import { notifyFollowers } from "./notify.js";

export type LifecycleResult = { ok: true } | { ok: false; error: FieldError };

async function sectionCount(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(consultationSections)
    .where(eq(consultationSections.consultationId, id));
  return row?.n ?? 0;
}

async function record(db: Db, c: Consultation, action: string, context: ChangeContext) {
  await audit(
    db,
    {
      action: `consultation.${action}`,
      subjectType: "consultation",
      subjectId: c.id,
      structureId: c.structureId,
    },
    context.request,
    context.actorId,
  );
}

/** Publishes a draft: the public sees it (announced until it opens). It needs at least one section. */
export async function publishConsultation(
  db: Db,
  c: Consultation,
  context: ChangeContext,
): Promise<LifecycleResult> {
  if (c.visibility === "published") return { ok: true };
  if ((await sectionCount(db, c.id)) === 0)
    return { ok: false, error: fieldError("consultations.errors.noSections") };
  await db.transaction(async (tx) => {
    await tx
      .update(consultations)
      .set({ visibility: "published", publishedAt: new Date() })
      .where(eq(consultations.id, c.id));
    await record(tx, c, "publish", context);
  });
  return { ok: true };
}

/** Opens the consultation now (publishing it if it was a draft); it closes on its closing date. */
export async function openConsultation(
  db: Db,
  c: Consultation,
  context: ChangeContext & { publicUrl: string },
  now = new Date(),
): Promise<LifecycleResult> {
  const phase = phaseOf(c, now);
  if (phase !== "draft" && phase !== "announced")
    return { ok: false, error: fieldError("consultations.errors.cannotOpen") };
  if (c.closesAt <= now) return { ok: false, error: fieldError("consultations.errors.closingDatePassed") };
  if ((await sectionCount(db, c.id)) === 0)
    return { ok: false, error: fieldError("consultations.errors.noSections") };
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consultations)
      .set({
        visibility: "published",
        publishedAt: c.publishedAt ?? now,
        opensAt: now,
        notifiedPhase: "open",
      })
      .where(eq(consultations.id, c.id))
      .returning();
    await record(tx, c, "open", context);
    await notifyFollowers(tx, updated!, "opened");
  });
  return { ok: true };
}

/**
 * Closes the consultation now. The row is updated under its lock, so a comment or an answer being
 * stored at the same moment (which reads the row FOR SHARE) is either in before, or refused.
 */
export async function closeConsultation(
  db: Db,
  c: Consultation,
  context: ChangeContext & { publicUrl: string },
  now = new Date(),
): Promise<LifecycleResult> {
  if (phaseOf(c, now) !== "open") return { ok: false, error: fieldError("consultations.errors.cannotClose") };
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consultations)
      .set({ closesAt: now, notifiedPhase: "analysis" })
      .where(eq(consultations.id, c.id))
      .returning();
    await record(tx, c, "close", context);
    await notifyFollowers(tx, updated!, "closed");
  });
  return { ok: true };
}
