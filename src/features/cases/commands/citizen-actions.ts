import { and, eq, sql } from "drizzle-orm";
import { type FieldErrors, fieldError, type Result, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import { reopenWindowDays } from "../../settings/queries.js";
import { appealWindow, headAppealDueAt, maxAppealLevel } from "../appeals.js";
import { computeDueAt, dueAtWithPauses } from "../deadline.js";
import { loadCentralOffice, loadStructureStaff, structureLeads } from "../jobs/recipients.js";
import { canTransition } from "../lifecycle.js";
import type { CaseRow } from "../queries.js";
import { LIMITS } from "../rules.js";
import { caseEvents, caseFollowers, cases } from "../tables.js";
import { notifyStaff } from "../workspace/notify.js";

/** Why an action is not possible now, shown to the citizen (the page is re-rendered with it). */
export type Refusal = "cases.errors.notNow" | "cases.errors.reopenWindowOver" | "cases.errors.alreadyRated";

/**
 * The citizen answers the agent's question: the clock runs again (the pause is recorded on the
 * event, so the deadline can be extended by the paused working days).
 */
export async function answerQuestion(
  db: Db,
  row: CaseRow,
  input: { answer?: string },
  actorId: string | null,
): Promise<Result<null, "answer"> | { ok: false; refusal: Refusal }> {
  if (!canTransition("citizenReply", row.status)) return { ok: false, refusal: "cases.errors.notNow" };
  const answer = text(input.answer);
  const errors: FieldErrors<"answer"> = {};
  if (answer.length < 2) errors.answer = fieldError("cases.errors.answerRequired");
  else if (answer.length > LIMITS.reply)
    errors.answer = fieldError("cases.errors.answerLong", { max: LIMITS.reply });
  if (errors.answer) return { ok: false, errors };
  const now = new Date();
  // The clock runs again, with the deadline pushed back by the working days it was stopped.
  const earlier = await db
    .select({ details: caseEvents.details })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.kind, "citizen_replied")));
  const pauses = earlier
    .map((e) => e.details as { pausedFrom?: string; pausedTo?: string })
    .filter((d) => d.pausedFrom && d.pausedTo && new Date(d.pausedFrom) >= row.clockStartedAt)
    .map((d) => ({ from: new Date(d.pausedFrom!), to: new Date(d.pausedTo!) }));
  if (row.pausedAt) pauses.push({ from: row.pausedAt, to: now });
  const dueAt = row.pausedAt ? await dueAtWithPauses(db, row, pauses) : row.dueAt;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      // A new deadline: reminders and escalations start over from it.
      .set({ status: "in_progress", pausedAt: null, dueAt, escalationLevel: 0 })
      .where(and(eq(cases.id, row.id), eq(cases.status, "awaiting_citizen")))
      .returning({ id: cases.id });
    if (updated.length === 0) return; // answered twice at once: the first one counts
    await tx.insert(caseEvents).values({
      caseId: row.id,
      kind: "citizen_replied",
      actorId,
      body: answer,
      at: now,
      details: row.pausedAt ? { pausedFrom: row.pausedAt.toISOString(), pausedTo: now.toISOString() } : {},
    });
  });
  return { ok: true, value: null };
}

/** A 1–5 rating of the answer, with an optional comment; once per request. */
export async function rateCase(
  db: Db,
  row: CaseRow,
  input: { rating?: string; comment?: string },
  actorId: string | null,
): Promise<Result<null, "rating" | "comment"> | { ok: false; refusal: Refusal }> {
  if (!canTransition("rate", row.status)) return { ok: false, refusal: "cases.errors.notNow" };
  if (row.satisfaction !== null) return { ok: false, refusal: "cases.errors.alreadyRated" };
  const rating = Number(input.rating);
  const comment = text(input.comment) || null;
  const errors: FieldErrors<"rating" | "comment"> = {};
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    errors.rating = fieldError("cases.errors.ratingRequired");
  if (comment && comment.length > 1000)
    errors.comment = fieldError("cases.errors.commentLong", { max: 1000 });
  if (errors.rating || errors.comment) return { ok: false, errors };
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      .set({ satisfaction: rating, satisfactionComment: comment })
      .where(and(eq(cases.id, row.id), sql`${cases.satisfaction} is null`))
      .returning({ id: cases.id });
    if (updated.length > 0) {
      await tx.insert(caseEvents).values({ caseId: row.id, kind: "rated", actorId, details: { rating } });
    }
  });
  return { ok: true, value: null };
}

/**
 * Unsatisfied with the answer, the citizen appeals within the window (appeals.ts): the request goes
 * back to work with the appeal's own deadline, into the "appeals" queue of its reviewers (the
 * structure's head, then the central office), who are mailed. One appeal too many is refused.
 */
export async function reopenCase(
  db: Db,
  row: CaseRow,
  input: { reason?: string },
  actorId: string | null,
  settings: { publicUrl: string; now?: Date },
): Promise<Result<null, "reason"> | { ok: false; refusal: Refusal }> {
  const now = settings.now ?? new Date();
  const window = appealWindow(row, now, await reopenWindowDays(db));
  if (!window) {
    const late = row.appealLevel < maxAppealLevel(row.type) && (row.answeredAt ?? row.closedAt);
    return { ok: false, refusal: late ? "cases.errors.reopenWindowOver" : "cases.errors.notNow" };
  }
  if (now > window.until) return { ok: false, refusal: "cases.errors.reopenWindowOver" };
  const reason = text(input.reason);
  if (reason.length < 10)
    return { ok: false, errors: { reason: fieldError("cases.errors.reasonRequired", { min: 10 }) } };
  if (reason.length > LIMITS.reply)
    return { ok: false, errors: { reason: fieldError("cases.errors.answerLong", { max: LIMITS.reply }) } };
  const appealLevel = window.level;
  // The appeal is a new request to review: its own full deadline, from today.
  const dueAt =
    row.type === "information"
      ? headAppealDueAt(now)
      : await computeDueAt(db, row.type, row.structureId, now, row.accessTrack);
  const reviewers = await appealReviewers(db, row.structureId, appealLevel);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      .set({
        status: "in_progress",
        appealLevel,
        appealStructureId: reviewers.structureId,
        appealedAt: now,
        closedAt: null,
        outcome: null,
        escalationLevel: 0,
        clockStartedAt: now,
        dueAt,
        pausedAt: null,
      })
      .where(and(eq(cases.id, row.id), eq(cases.appealLevel, row.appealLevel)))
      .returning({ id: cases.id });
    if (updated.length === 0) return; // appealed twice at once: the first one counts
    await tx.insert(caseEvents).values({
      caseId: row.id,
      kind: "appealed",
      actorId,
      body: reason,
      at: now,
      details: { appealLevel },
    });
    await notifyStaff(tx, settings, reviewers.people, "appealed", row, reviewers.name);
  });
  return { ok: true, value: null };
}

/**
 * Who reviews an appeal: the structure's admins (its agents when it has none) for the first; the
 * central office's admins, or the platform admins, for the second.
 */
async function appealReviewers(db: Db, structureId: string, level: number) {
  if (level === 1) {
    const staff = (await loadStructureStaff(db, [structureId])).get(structureId);
    return { structureId, people: structureLeads(staff), name: staff?.name ?? {} };
  }
  const office = await loadCentralOffice(db);
  const name = office.id ? ((await loadStructureStaff(db, [office.id])).get(office.id)?.name ?? {}) : {};
  return { structureId: office.id, people: office.people, name };
}

/** "Me too": a signed-in citizen follows someone else's open request instead of filing the same one. */
export async function followCase(db: Db, caseId: string, accountId: string): Promise<void> {
  await db.insert(caseFollowers).values({ caseId, accountId }).onConflictDoNothing();
}
