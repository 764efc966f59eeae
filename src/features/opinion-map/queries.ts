import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { priority } from "./math/stats.js";
import type { MapSnapshot } from "./snapshot.js";
import { opinionMaps, opinionStatements, opinionVotes } from "./tables.js";

export interface Statement {
  id: string;
  body: LocalizedText;
  seeded: boolean;
  status: "pending" | "approved" | "rejected";
  createdAt: Date;
}

const statementColumns = {
  id: opinionStatements.id,
  body: opinionStatements.body,
  seeded: opinionStatements.seeded,
  status: opinionStatements.status,
  createdAt: opinionStatements.createdAt,
};

/** A consultation's statements with the given statuses, oldest first. */
export function listStatements(
  db: Db,
  consultationId: string,
  statuses: Array<Statement["status"]> = ["approved"],
): Promise<Statement[]> {
  return db
    .select(statementColumns)
    .from(opinionStatements)
    .where(
      and(eq(opinionStatements.consultationId, consultationId), inArray(opinionStatements.status, statuses)),
    )
    .orderBy(asc(opinionStatements.createdAt), asc(opinionStatements.id));
}

/** The last computed map (null before the first run) and whether votes wait for the next run. */
export async function findOpinionMap(
  db: Db,
  consultationId: string,
): Promise<{ snapshot: MapSnapshot | null; stale: boolean } | null> {
  const [row] = await db
    .select({ snapshot: opinionMaps.snapshot, staleSince: opinionMaps.staleSince })
    .from(opinionMaps)
    .where(eq(opinionMaps.consultationId, consultationId));
  return row ? { snapshot: row.snapshot ?? null, stale: row.staleSince !== null } : null;
}

/** A participant's group in the last map, read from the stored state (null: not counted in the map yet). */
export async function findGroupOf(
  db: Db,
  consultationId: string,
  accountId: string | null,
): Promise<number | null> {
  if (!accountId) return null;
  const [row] = await db
    .select({ group: sql<string | null>`${opinionMaps.state}->'groupOf'->>${accountId}` })
    .from(opinionMaps)
    .where(eq(opinionMaps.consultationId, consultationId));
  return row?.group == null ? null : Number(row.group);
}

/** A participant's votes in a consultation: statement id → +1, −1 or 0. */
export async function votesOf(
  db: Db,
  consultationId: string,
  accountId: string | null,
): Promise<Map<string, number>> {
  if (!accountId) return new Map();
  const rows = await db
    .select({ statementId: opinionVotes.statementId, vote: opinionVotes.vote })
    .from(opinionVotes)
    .where(and(eq(opinionVotes.consultationId, consultationId), eq(opinionVotes.accountId, accountId)));
  return new Map(rows.map((r) => [r.statementId, r.vote]));
}

/**
 * Routing: the statement a participant should vote on next, among those they have not voted on, the
 * one whose Pol.is priority is highest (a statement newer than the last map has the priority of an
 * unseen one, so it bubbles up); ties go to the oldest.
 */
export function nextStatement(
  statements: Statement[],
  votes: ReadonlyMap<string, number>,
  snapshot: MapSnapshot | null,
): Statement | null {
  const priorities = new Map(snapshot?.statements.map((s) => [s.id, s.priority]) ?? []);
  const unseen = priority(0, 0, 0, 0);
  let best: Statement | null = null;
  let bestPriority = Number.NEGATIVE_INFINITY;
  for (const s of statements) {
    if (s.status !== "approved" || votes.has(s.id)) continue;
    const p = priorities.get(s.id) ?? unseen;
    if (p > bestPriority) {
      best = s;
      bestPriority = p;
    }
  }
  return best;
}

export interface OpinionMapData {
  consultationId: string;
  computedAt: string | null;
  participants: number;
  included: number;
  statements: Array<{
    id: string;
    body: LocalizedText;
    seeded: boolean;
    agree: number;
    disagree: number;
    pass: number;
    groupAwareConsensus: number | null;
  }>;
  groups: Array<{
    id: number;
    label: string;
    size: number;
    representative: Array<{
      statementId: string;
      side: "agree" | "disagree";
      p: number;
      r: number;
      metric: number;
    }>;
  }>;
  consensus: string[];
}

/** A group's label: A, B, C… */
export const groupLabel = (id: number) =>
  String.fromCharCode(65 + (id % 26)) + (id >= 26 ? String(Math.floor(id / 26)) : "");

/**
 * The opinion map as open data: approved statements with their vote counts and group-aware
 * consensus, the groups and their representative statements, and the consensus statements. No
 * participant appears in it. Callers check that the consultation is public.
 */
export async function findOpinionMapData(db: Db, consultationId: string): Promise<OpinionMapData> {
  const [statements, map] = await Promise.all([
    listStatements(db, consultationId),
    findOpinionMap(db, consultationId),
  ]);
  const snapshot = map?.snapshot ?? null;
  const figures = new Map(snapshot?.statements.map((s) => [s.id, s]) ?? []);
  return {
    consultationId,
    computedAt: snapshot?.computedAt ?? null,
    participants: snapshot?.participants ?? 0,
    included: snapshot?.included ?? 0,
    statements: statements.map((s) => {
      const f = figures.get(s.id);
      return {
        id: s.id,
        body: s.body,
        seeded: s.seeded,
        agree: f?.agree ?? 0,
        disagree: f?.disagree ?? 0,
        pass: f?.pass ?? 0,
        groupAwareConsensus: f && snapshot && snapshot.groups.length > 0 ? f.groupAwareConsensus : null,
      };
    }),
    groups: (snapshot?.groups ?? []).map((g) => ({
      id: g.id,
      label: groupLabel(g.id),
      size: g.size,
      representative: g.representative.map((r) => ({
        statementId: r.statementId,
        side: r.side,
        p: r.p,
        r: r.r,
        metric: r.metric,
      })),
    })),
    consensus: snapshot?.consensus ?? [],
  };
}
