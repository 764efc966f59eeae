import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import { CASE_CHANNELS, type CaseChannel, cases } from "../tables.js";
import { serviceLevelColumns, shareInTime } from "./service-levels.js";

/** Below this many requests a structure's figures say too little, and could point at people. */
export const STATS_MIN_CASES = 10;

/** A structure's public figures on the requests it holds (those transferred away count where they went). */
export interface StructureCaseStats {
  received: number;
  /** Of those, how many arrived by each channel (online, at the counter, by phone, by post, Open311). */
  byChannel: Record<CaseChannel, number>;
  /** Requests that got an answer (a reply to the citizen). */
  answered: number;
  /**
   * Median time from a request's arrival at the structure (submission, or transfer to it) to its
   * first response there (an answer, or a question to the citizen), in hours of calendar time.
   * Null without any response yet.
   */
  medianFirstResponseHours: number | null;
  /** Requests with a deadline whose outcome is known: answered, or overdue (open, the clock running, past it). */
  deadlineKnown: number;
  /** Of those, answered by the deadline. */
  answeredInTime: number;
  /** answeredInTime / deadlineKnown, null when nothing is known yet. */
  shareInTime: number | null;
  ratings: number;
  /** Mean of the citizens' 1–5 ratings, null without any. */
  meanSatisfaction: number | null;
}

/**
 * The service levels published for a structure: on its public page and, per cell, in the open
 * data (request-statistics). The page also shows how many ratings the mean rests on.
 */
export const PUBLISHED_FIGURES = [
  "received",
  "answered",
  "median_hours",
  "deadline_known",
  "answered_in_time",
  "mean_satisfaction",
] as const;

/**
 * The figures in one aggregate query over the structure's requests (the queue index finds them):
 * every request held and how many came by each channel, then the service levels as
 * service-levels.ts defines them (the same figures as the open data and the insights).
 */
export async function structureCaseStats(
  db: Db,
  structureId: string,
  now: Date = new Date(),
): Promise<StructureCaseStats> {
  const [row] = rowsOf<
    {
      received: number;
      answered: number;
      median_hours: number | null;
      deadline_known: number;
      answered_in_time: number;
      ratings: number;
      mean_satisfaction: number | null;
    } & Record<CaseChannel, number>
  >(
    await db.execute(sql`
      select
        ${sql.join(
          CASE_CHANNELS.map(
            (c) => sql`count(*) filter (where ${cases.channel} = ${c})::int as ${sql.identifier(c)}`,
          ),
          sql`, `,
        )},
        ${serviceLevelColumns([...PUBLISHED_FIGURES, "ratings"], now)}
      from cases
      where ${cases.structureId} = ${structureId}`),
  );
  const r = row!;
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    received: Number(r.received),
    byChannel: Object.fromEntries(CASE_CHANNELS.map((c) => [c, Number(r[c])])) as Record<CaseChannel, number>,
    answered: Number(r.answered),
    medianFirstResponseHours: num(r.median_hours),
    deadlineKnown: Number(r.deadline_known),
    answeredInTime: Number(r.answered_in_time),
    shareInTime: shareInTime(r.deadline_known, r.answered_in_time),
    ratings: Number(r.ratings),
    meanSatisfaction: num(r.mean_satisfaction),
  };
}
