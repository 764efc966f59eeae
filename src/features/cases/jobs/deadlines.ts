import { and, asc, gte, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { JobDefinition, JobEnv } from "../../../core/jobs/job.js";
import type { Db } from "../../../db/client.js";
import { tunisDay, yearOf } from "../../calendar/days.js";
import { loadCalendar } from "../../calendar/queries.js";
import type { CaseEventKind } from "../lifecycle.js";
import { caseEvents, cases } from "../tables.js";
import { tellAccessSilences } from "./access-silence.js";
import { type DeadlineMail, mailDeadline } from "./mails.js";
import {
  loadCentralOffice,
  loadStructureStaff,
  reminderRecipients,
  type StaffRecipient,
  structureLeads,
} from "./recipients.js";
import {
  CENTRAL_OFFICE_AFTER_WORKING_DAYS,
  type EscalationThresholds,
  escalationThresholds,
} from "./thresholds.js";

/**
 * Reminders and escalations of E-Citizen requests before and after their legal deadline. For the
 * requests whose clock runs (status new or in_progress, not paused, with a due date):
 *   level 0 → 1  due within REMIND_WORKING_DAYS working day: the assignee is reminded (or, when no
 *                one holds it, the structure's admins, else its agents);
 *   level ≤ 1 → 2  overdue: the structure's admins (else its agents) are alerted;
 *   level 2 → 3  overdue by more than CENTRAL_OFFICE_AFTER_WORKING_DAYS working days: the central
 *                office's structure admins (else the platform admins) are alerted.
 * Transferring or reopening a request sets its level back to 0 (those commands do it).
 *
 * Each step happens once, whatever number of workers run at the same time: a batch's candidates are
 * locked (SKIP LOCKED, so two workers share the work instead of queueing), then one UPDATE raises
 * the level only where it still is the one expected, and only the rows that UPDATE returned get their
 * event and mails, in the same transaction. A worker that comes second finds the level raised.
 * Candidates come from the partial index on due_at, in batches, so 100,000 requests never make
 * 100,000 queries: each batch takes one select, one update, two lookups of staff and one insert
 * of events, then one outbox row per mail.
 *
 * The same run tells the requesters of access-to-information requests whose limit passed with no
 * decision that the law counts the silence as a refusal, with their appeal routes (access-silence.ts).
 */

/**
 * Every five minutes. Deadlines fall at the end of a day in Tunis, so a state changes at midnight
 * or when a request is filed, transferred or reopened: five minutes later is as good as one, with a
 * fifth of the job rows and polling, which matters on the embedded database of a single process.
 */
export const DEADLINES_CRON = "*/5 * * * *";
export const DEADLINES_BATCH = 500;

interface Step {
  level: 1 | 2 | 3;
  /** The levels a request may come from: the UPDATE's guard. */
  from: number[];
  event: CaseEventKind;
  cause: "due_soon" | "overdue";
  /** The due dates this step takes (an index range on due_at). */
  due: (t: EscalationThresholds) => SQL;
}

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** In order, so a request found late (the job was down, or it was filed already late) climbs in one run. */
const STEPS: Step[] = [
  {
    level: 1,
    from: [0],
    event: "reminded",
    cause: "due_soon",
    due: (t) => sql`(${cases.dueAt} >= ${at(t.now)} and ${cases.dueAt} <= ${at(t.remindUntil)})`,
  },
  {
    level: 2,
    from: [0, 1],
    event: "escalated",
    cause: "overdue",
    due: (t) => sql`${cases.dueAt} < ${at(t.now)}`,
  },
  {
    level: 3,
    from: [2],
    event: "escalated",
    cause: "overdue",
    due: (t) => sql`${cases.dueAt} < ${at(t.centralOfficeBefore)}`,
  },
];

/** The clock runs: within the partial index cases_due_idx's predicate, written as constants so it serves. */
const RUNNING = sql`${cases.status} in ('new', 'in_progress')`;

export interface DeadlineRun {
  reminded: number;
  alerted: number;
  escalated: number;
  mails: number;
  /** Levels raised with no one to tell (a structure without staff with an address). */
  unreached: number;
  /** Access-to-information requests whose silence past the limit was told to their requester. */
  silences: number;
}

type CentralOffice = Awaited<ReturnType<typeof loadCentralOffice>>;

export async function runDeadlineJob(
  db: Db,
  now: Date,
  env: JobEnv,
  { batchSize = DEADLINES_BATCH }: { batchSize?: number } = {},
): Promise<DeadlineRun> {
  const year = yearOf(tunisDay(now));
  // Last year for the days counted back from January, next year for the reminders of late December.
  const cal = await loadCalendar(db, year - 1, year + 1);
  const thresholds = escalationThresholds(now, cal);
  const run: DeadlineRun = { reminded: 0, alerted: 0, escalated: 0, mails: 0, unreached: 0, silences: 0 };
  let central: CentralOffice | null = null;
  const centralOffice = async (tx: Db) => {
    central ??= await loadCentralOffice(tx);
    return central;
  };
  for (const step of STEPS) {
    let after: { dueAt: Date; id: string } | null = null;
    for (;;) {
      const batch: Batch = await db.transaction((tx) =>
        raiseBatch(tx, step, thresholds, after, batchSize, env, centralOffice),
      );
      const key = step.level === 1 ? "reminded" : step.level === 2 ? "alerted" : "escalated";
      run[key] += batch.raised;
      run.mails += batch.mails;
      run.unreached += batch.unreached;
      if (!batch.last || batch.seen < batchSize) break;
      after = batch.last;
    }
  }
  const silence = await tellAccessSilences(db, now, env, batchSize);
  run.silences = silence.silences;
  run.mails += silence.mails;
  return run;
}

interface Batch {
  seen: number;
  raised: number;
  mails: number;
  unreached: number;
  last: { dueAt: Date; id: string } | null;
}

async function raiseBatch(
  tx: Db,
  step: Step,
  t: EscalationThresholds,
  after: { dueAt: Date; id: string } | null,
  size: number,
  env: JobEnv,
  centralOffice: (tx: Db) => Promise<CentralOffice>,
): Promise<Batch> {
  const eligible = and(
    RUNNING,
    isNull(cases.pausedAt),
    inArray(cases.escalationLevel, step.from),
    step.due(t),
  );
  const candidates = await tx
    .select({ id: cases.id, dueAt: cases.dueAt })
    .from(cases)
    .where(
      and(
        eligible,
        after
          ? and(
              gte(cases.dueAt, after.dueAt),
              sql`(${cases.dueAt}, ${cases.id}) > (${at(after.dueAt)}, ${after.id}::uuid)`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(cases.dueAt), asc(cases.id))
    .limit(size)
    .for("update", { skipLocked: true });
  const lastCandidate = candidates[candidates.length - 1];
  const batch: Batch = {
    seen: candidates.length,
    raised: 0,
    mails: 0,
    unreached: 0,
    last: lastCandidate ? { dueAt: lastCandidate.dueAt!, id: lastCandidate.id } : null,
  };
  if (candidates.length === 0) return batch;

  // The guard: only a row still at an expected level is raised, and only raised rows are told.
  const raised = await tx
    .update(cases)
    .set({ escalationLevel: step.level })
    .where(
      and(
        inArray(
          cases.id,
          candidates.map((c) => c.id),
        ),
        eligible,
      ),
    )
    .returning({
      id: cases.id,
      reference: cases.reference,
      structureId: cases.structureId,
      assigneeId: cases.assigneeId,
      dueAt: cases.dueAt,
    });
  if (raised.length === 0) return batch;

  const staff = await loadStructureStaff(
    tx,
    raised.map((c) => c.structureId),
  );
  const office = step.level === 3 ? await centralOffice(tx) : null;
  const told = raised.map((c) => {
    const name = staff.get(c.structureId)?.name ?? {};
    let to: "assignee" | "structure" | "central_office";
    let people: StaffRecipient[];
    let mail: DeadlineMail;
    if (step.level === 1) {
      ({ to, people } = reminderRecipients(staff.get(c.structureId), c.assigneeId));
      mail = { kind: to === "assignee" ? "remindAssignee" : "remindStructure" };
    } else if (step.level === 2) {
      to = "structure";
      people = structureLeads(staff.get(c.structureId));
      mail = { kind: "overdue" };
    } else {
      to = "central_office";
      people = office!.people;
      mail = { kind: "centralOffice", workingDays: CENTRAL_OFFICE_AFTER_WORKING_DAYS };
    }
    return { c: { ...c, dueAt: c.dueAt! }, name, to, people, mail };
  });

  await tx.insert(caseEvents).values(
    told.map(({ c, to, people }) => ({
      caseId: c.id,
      kind: step.event,
      at: t.now,
      internal: true,
      details: {
        cause: step.cause,
        level: step.level,
        to,
        dueAt: c.dueAt.toISOString(),
        notified: people.length,
        ...(to === "central_office" && office?.id ? { office: office.id } : {}),
      },
    })),
  );
  for (const { c, name, people, mail } of told) {
    await mailDeadline(tx, env, people, mail, c, name);
    batch.mails += people.length;
    if (people.length === 0) batch.unreached++;
  }
  batch.raised = raised.length;
  return batch;
}

/** The manifest's entry: the runner calls it with the wall clock. */
export const deadlinesJob: JobDefinition = {
  name: "cases-deadlines",
  cron: DEADLINES_CRON,
  run: (db, now, env) => runDeadlineJob(db, now, env),
};
