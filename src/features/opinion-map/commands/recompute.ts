import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { computeOpinionMap } from "../math/compute.js";
import { buildSnapshot } from "../snapshot.js";
import { opinionMaps, opinionStatements, opinionVotes } from "../tables.js";

/**
 * Recomputes one consultation's map from its votes on approved statements and the state the last
 * update left in the database, then stores the new snapshot and state. Nothing is locked, so votes
 * never wait for it: the result is written only if no other run wrote one meanwhile (optimistic,
 * on computed_at), and the stale mark is cleared only if no vote arrived during the computation.
 */
export async function recomputeOpinionMap(
  db: Db,
  consultationId: string,
  now = new Date(),
): Promise<boolean> {
  const [map] = await db.select().from(opinionMaps).where(eq(opinionMaps.consultationId, consultationId));
  if (!map?.staleSince) return false;
  const staleSince = map.staleSince;
  const statements = await db
    .select({ id: opinionStatements.id })
    .from(opinionStatements)
    .where(
      and(eq(opinionStatements.consultationId, consultationId), eq(opinionStatements.status, "approved")),
    )
    .orderBy(asc(opinionStatements.createdAt), asc(opinionStatements.id));
  const statementIds = statements.map((s) => s.id);
  const statementIndex = new Map(statementIds.map((id, j) => [id, j]));
  const votes = await db
    .select({
      statementId: opinionVotes.statementId,
      accountId: opinionVotes.accountId,
      vote: opinionVotes.vote,
    })
    .from(opinionVotes)
    .where(eq(opinionVotes.consultationId, consultationId))
    .orderBy(asc(opinionVotes.updatedAt), asc(opinionVotes.accountId), asc(opinionVotes.statementId));
  const kept = votes.filter((v) => statementIndex.has(v.statementId));
  const participants = [...new Set(kept.map((v) => v.accountId))].sort();
  const participantIndex = new Map(participants.map((id, i) => [id, i]));
  const { result, state } = computeOpinionMap(
    {
      participants,
      statements: statementIds,
      votes: {
        participant: Int32Array.from(kept, (v) => participantIndex.get(v.accountId) as number),
        statement: Int32Array.from(kept, (v) => statementIndex.get(v.statementId) as number),
        vote: Int8Array.from(kept, (v) => v.vote),
      },
    },
    map.state ?? null,
  );
  const written = await db
    .update(opinionMaps)
    .set({
      snapshot: buildSnapshot(result, statementIds, participants.length, now),
      state,
      computedAt: now,
      // A vote during the computation moved stale_since: the map stays stale for the next run.
      staleSince: sql`case when ${opinionMaps.staleSince} = ${staleSince} then null else ${opinionMaps.staleSince} end`,
    })
    .where(
      and(
        eq(opinionMaps.consultationId, consultationId),
        map.computedAt ? eq(opinionMaps.computedAt, map.computedAt) : isNull(opinionMaps.computedAt),
      ),
    )
    .returning({ id: opinionMaps.consultationId });
  return written.length > 0;
}

/** The job: recomputes every map with votes waiting, oldest first. Returns how many were recomputed. */
export async function recomputeStaleMaps(db: Db, now: Date): Promise<number> {
  const stale = await db
    .select({ consultationId: opinionMaps.consultationId })
    .from(opinionMaps)
    .where(isNotNull(opinionMaps.staleSince))
    .orderBy(asc(opinionMaps.staleSince))
    .limit(50);
  let done = 0;
  for (const { consultationId } of stale) if (await recomputeOpinionMap(db, consultationId, now)) done++;
  return done;
}
