import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { computeOpinionMap, type OpinionMapResult } from "./math/compute.js";
import { repness, type VoteCounts } from "./math/stats.js";

/** A file that is not a Pol.is openData export: the message says which file, line and column. */
export class PolisFileError extends Error {}

const VOTE_COLUMNS = ["timestamp", "datetime", "comment-id", "voter-id", "vote"];
const COMMENT_COLUMNS = [
  "timestamp",
  "datetime",
  "comment-id",
  "author-id",
  "agrees",
  "disagrees",
  "moderated",
  "comment-body",
];

function records(file: string, open: () => Readable, columns: string[]) {
  const input = open();
  const parser = parse({
    columns: (header: string[]) => {
      const missing = columns.filter((c) => !header.includes(c));
      if (missing.length > 0) throw new PolisFileError(`${file}: missing column(s) ${missing.join(", ")}`);
      return header;
    },
    skip_empty_lines: true,
    trim: true,
  });
  // A file that cannot be read fails the parse instead of leaving it waiting.
  input.on("error", (error) => parser.destroy(error));
  return input.pipe(parser);
}

function integer(file: string, line: number, column: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value === "" || !Number.isInteger(n)) {
    throw new PolisFileError(`${file}, line ${line}: ${column} must be a whole number, not "${value ?? ""}"`);
  }
  return n;
}

/** Growable typed storage for millions of votes. */
class Column<T extends Int32Array | Int8Array | Float64Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(value: number) {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export interface PolisConversation {
  /** Comment ids kept (moderated −1 excluded), ascending. */
  comments: number[];
  /** Voter ids, ascending. */
  voters: number[];
  result: OpinionMapResult;
}

/**
 * Reads a conversation in the Pol.is openData export format (comments.csv and votes.csv, the full
 * vote history with agree = +1, disagree = −1, pass = 0) and computes its opinion map. Votes are
 * replayed in timestamp order (file order on ties), so the latest vote wins; votes on excluded or
 * unknown comments are ignored.
 */
export async function readPolisConversation(
  comments: { file: string; open: () => Readable },
  votes: { file: string; open: () => Readable },
): Promise<PolisConversation> {
  const kept = new Set<number>();
  let line = 1;
  for await (const row of records(comments.file, comments.open, COMMENT_COLUMNS)) {
    line++;
    const r = row as Record<string, string>;
    const id = integer(comments.file, line, "comment-id", r["comment-id"]);
    const moderated = integer(comments.file, line, "moderated", r.moderated);
    if (moderated !== -1) kept.add(id);
  }
  const commentIds = [...kept].sort((a, b) => a - b);
  const commentIndex = new Map(commentIds.map((id, j) => [id, j]));

  const time = new Column(new Float64Array(1024), (n) => new Float64Array(n));
  const voter = new Column(new Int32Array(1024), (n) => new Int32Array(n));
  const statement = new Column(new Int32Array(1024), (n) => new Int32Array(n));
  const vote = new Column(new Int8Array(1024), (n) => new Int8Array(n));
  const voterIds = new Set<number>();
  line = 1;
  for await (const row of records(votes.file, votes.open, VOTE_COLUMNS)) {
    line++;
    const r = row as Record<string, string>;
    const timestamp = Number(r.timestamp);
    if (r.timestamp === "" || !Number.isFinite(timestamp)) {
      throw new PolisFileError(
        `${votes.file}, line ${line}: timestamp must be a number, not "${r.timestamp ?? ""}"`,
      );
    }
    const commentId = integer(votes.file, line, "comment-id", r["comment-id"]);
    const voterId = integer(votes.file, line, "voter-id", r["voter-id"]);
    const value = integer(votes.file, line, "vote", r.vote);
    if (value < -1 || value > 1)
      throw new PolisFileError(`${votes.file}, line ${line}: vote must be 1, -1 or 0, not ${value}`);
    const j = commentIndex.get(commentId);
    if (j === undefined) continue;
    voterIds.add(voterId);
    time.push(timestamp);
    voter.push(voterId);
    statement.push(j);
    vote.push(value);
  }
  const voters = [...voterIds].sort((a, b) => a - b);
  const voterIndex = new Map(voters.map((id, i) => [id, i]));
  const order = Int32Array.from({ length: time.length }, (_, e) => e).sort(
    (a, b) => (time.data[a] as number) - (time.data[b] as number) || a - b,
  );
  const result = computeOpinionMap(
    {
      participants: voters.map(String),
      statements: commentIds.map(String),
      votes: {
        participant: Int32Array.from(order, (e) => voterIndex.get(voter.data[e] as number) as number),
        statement: Int32Array.from(order, (e) => statement.data[e] as number),
        vote: Int8Array.from(order, (e) => vote.data[e] as number),
      },
    },
    null,
  ).result;
  return { comments: commentIds, voters, result };
}

/** participants.csv: `participant,group-id`, the group empty for participants not counted in the map. */
export function participantsCsv({ voters, result }: PolisConversation): string {
  return stringify(
    voters.map((id, i) => {
      const g = result.groupOf[i] as number;
      return [id, g >= 0 ? g : ""];
    }),
    { header: true, columns: ["participant", "group-id"] },
  );
}

/**
 * statements.csv: `comment-id,group-aware-consensus`, then for each group g its repness of the
 * comment, `repness-g` (ra·rat·pa·pat of the representative side) and `repful-g` (agree or disagree:
 * the side whose two-proportion test is higher, as Pol.is chooses).
 */
export function statementsCsv({ comments, result }: PolisConversation): string {
  const columns = [
    "comment-id",
    "group-aware-consensus",
    ...result.groups.flatMap((g) => [`repness-${g.id}`, `repful-${g.id}`]),
  ];
  const rows = comments.map((id, j) => {
    const figures = result.statements[j];
    const total: VoteCounts = {
      agree: figures?.agree ?? 0,
      disagree: figures?.disagree ?? 0,
      seen: (figures?.agree ?? 0) + (figures?.disagree ?? 0) + (figures?.pass ?? 0),
    };
    const cells: Array<string | number> = [
      id,
      result.groups.length > 0 ? (figures?.groupAwareConsensus ?? "") : "",
    ];
    for (const group of result.groups) {
      const own = group.votes[j] as VoteCounts;
      const rest = {
        agree: total.agree - own.agree,
        disagree: total.disagree - own.disagree,
        seen: total.seen - own.seen,
      };
      const sides = repness(own, rest);
      const side = sides.agree.rTest > sides.disagree.rTest ? "agree" : "disagree";
      cells.push(sides[side].metric, side);
    }
    return cells;
  });
  return stringify(rows, { header: true, columns });
}
