import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import { CASE_CHANNELS, type CaseChannel } from "../tables.js";

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
  /** Requests with a deadline whose outcome is known: answered, or still unanswered past the deadline. */
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
 * The figures in one aggregate query over the structure's requests (the queue index finds them):
 * - received: every request held, and how many came by each channel;
 * - answered: those with an answer;
 * - median first response (percentile_cont) over the requests whose first response came at this
 *   structure, from their arrival there;
 * - in time: answered at or before the deadline, among the requests answered or whose deadline has
 *   passed unanswered while the clock ran. Requests closed without an answer (not competent,
 *   duplicate, withdrawn…) and those waiting for the citizen are left out;
 * - satisfaction: the mean of the ratings given.
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
      in_time: number;
      ratings: number;
      mean_satisfaction: number | null;
    } & Record<CaseChannel, number>
  >(
    await db.execute(sql`
      select
        count(*)::int as received,
        ${sql.join(
          CASE_CHANNELS.map((c) => sql`count(*) filter (where channel = ${c})::int as ${sql.identifier(c)},`),
          sql` `,
        )}
        count(*) filter (where answered_at is not null)::int as answered,
        (percentile_cont(0.5) within group (
          order by extract(epoch from first_response_at - clock_started_at) / 3600
        ) filter (where first_response_at >= clock_started_at))::float8 as median_hours,
        count(*) filter (where due_at is not null and (
          answered_at is not null
          or (closed_at is null and paused_at is null and due_at < ${now.toISOString()}::timestamptz)
        ))::int as deadline_known,
        count(*) filter (where due_at is not null and answered_at <= due_at)::int as in_time,
        count(satisfaction)::int as ratings,
        avg(satisfaction)::float8 as mean_satisfaction
      from cases
      where structure_id = ${structureId}`),
  );
  const r = row!;
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    received: Number(r.received),
    byChannel: Object.fromEntries(CASE_CHANNELS.map((c) => [c, Number(r[c])])) as Record<CaseChannel, number>,
    answered: Number(r.answered),
    medianFirstResponseHours: num(r.median_hours),
    deadlineKnown: Number(r.deadline_known),
    answeredInTime: Number(r.in_time),
    shareInTime: Number(r.deadline_known) > 0 ? Number(r.in_time) / Number(r.deadline_known) : null,
    ratings: Number(r.ratings),
    meanSatisfaction: num(r.mean_satisfaction),
  };
}
