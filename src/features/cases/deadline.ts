import type { Db } from "../../db/client.js";
import { dueAt } from "../calendar/deadlines.js";
import { findDeadlinePolicy, loadCalendarFor } from "../calendar/queries.js";
import { type AccessTrack, accessDueAt } from "./access-law.js";
import type { CaseType } from "./rules.js";

/**
 * The legal deadline of a case whose clock starts at `from` at a structure. An access-to-information
 * request: the organic law's limit for its track, in calendar days (access-law.ts; no structure may
 * change it). Any other: the structure's policy for the type (or the national default), counted in
 * working days on the holiday calendar.
 */
export async function computeDueAt(
  db: Db,
  type: CaseType,
  structureId: string,
  from: Date,
  track: AccessTrack | null = null,
): Promise<Date | null> {
  if (type === "information") return accessDueAt(track ?? "standard", from);
  const [policy, cal] = await Promise.all([
    findDeadlinePolicy(db, type, structureId),
    loadCalendarFor(db, from),
  ]);
  if (!policy) return null;
  const deadline = dueAt({
    receivedAt: from,
    workingDays: policy.workingDays,
    pauseAllowed: policy.pauseAllowed,
    cal,
  });
  return deadline.state === "running" ? deadline.dueAt : null;
}

/**
 * The deadline once the clock has been paused (the citizen was asked for more information): the
 * policy's working days from the clock's start, extended by the working days the pauses covered.
 */
export async function dueAtWithPauses(
  db: Db,
  row: { type: CaseType; structureId: string; clockStartedAt: Date },
  pauses: Array<{ from: Date; to: Date | null }>,
): Promise<Date | null> {
  const policy = await findDeadlinePolicy(db, row.type, row.structureId);
  if (!policy) return null;
  const cal = await loadCalendarFor(db, row.clockStartedAt, new Date());
  const deadline = dueAt({
    receivedAt: row.clockStartedAt,
    workingDays: policy.workingDays,
    pauseAllowed: policy.pauseAllowed,
    pauses,
    cal,
  });
  return deadline.state === "running" ? deadline.dueAt : null;
}
