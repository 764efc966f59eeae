import { polygonHull } from "d3-polygon";
import type { OpinionMapResult } from "./math/compute.js";
import type { RepnessSide } from "./math/stats.js";

/** The points drawn on the map at most: beyond, an even sample (hulls still use every participant). */
export const MAX_POINTS = 600;
/** Consensus statements shown. */
export const CONSENSUS_LIMIT = 5;

export interface SnapshotStatement {
  id: string;
  agree: number;
  disagree: number;
  pass: number;
  groupAwareConsensus: number;
  priority: number;
}

export interface SnapshotGroup {
  id: number;
  size: number;
  centre: [number, number];
  /** Convex hull of the group's participants, [x, y] points (fewer than 3 points: the points themselves). */
  hull: Array<[number, number]>;
  representative: Array<
    Omit<RepnessSide, "passes"> & {
      statementId: string;
      side: "agree" | "disagree";
      count: number;
      seen: number;
      passes: boolean;
    }
  >;
}

/** What one update publishes: plain JSON, stored with the map and read by pages and open data. */
export interface MapSnapshot {
  computedAt: string;
  /** Everyone who voted, and those counted in the map. */
  participants: number;
  included: number;
  statements: SnapshotStatement[];
  groups: SnapshotGroup[];
  /** [x, y, group id] of the participants drawn. */
  points: Array<[number, number, number]>;
  /** minX, minY, maxX, maxY of every participant counted. */
  bounds: [number, number, number, number];
  /** Statement ids most groups agree on, best first. */
  consensus: string[];
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

export function buildSnapshot(
  result: OpinionMapResult,
  statementIds: string[],
  voters: number,
  now: Date,
): MapSnapshot {
  const { included, positions, groupOf } = result;
  const byGroup = new Map<number, Array<[number, number]>>();
  let bounds: [number, number, number, number] = [0, 0, 0, 0];
  for (let r = 0; r < included.length; r++) {
    const x = positions[2 * r] as number;
    const y = positions[2 * r + 1] as number;
    bounds =
      r === 0
        ? [x, y, x, y]
        : [Math.min(bounds[0], x), Math.min(bounds[1], y), Math.max(bounds[2], x), Math.max(bounds[3], y)];
    const g = groupOf[included[r] as number] as number;
    if (g < 0) continue;
    const list = byGroup.get(g) ?? [];
    list.push([x, y]);
    byGroup.set(g, list);
  }
  const step = Math.max(1, Math.ceil(included.length / MAX_POINTS));
  const points: Array<[number, number, number]> = [];
  for (let r = 0; r < included.length; r += step) {
    points.push([
      round(positions[2 * r] as number),
      round(positions[2 * r + 1] as number),
      groupOf[included[r] as number] as number,
    ]);
  }
  return {
    computedAt: now.toISOString(),
    participants: voters,
    included: included.length,
    statements: result.statements.map((s, j) => ({
      id: statementIds[j] as string,
      agree: s.agree,
      disagree: s.disagree,
      pass: s.pass,
      groupAwareConsensus: s.groupAwareConsensus,
      priority: s.priority,
    })),
    groups: result.groups.map((g) => {
      const members = byGroup.get(g.id) ?? [];
      const hull = members.length >= 3 ? (polygonHull(members) ?? members) : members;
      return {
        id: g.id,
        size: g.size,
        centre: [round(g.centre[0]), round(g.centre[1])],
        hull: hull.map(([x, y]) => [round(x), round(y)] as [number, number]),
        representative: g.representative.map(({ statement, ...rest }) => ({
          ...rest,
          statementId: statementIds[statement] as string,
        })),
      };
    }),
    points,
    bounds: bounds.map(round) as [number, number, number, number],
    consensus: result.consensus.slice(0, CONSENSUS_LIMIT).map((j) => statementIds[j] as string),
  };
}
