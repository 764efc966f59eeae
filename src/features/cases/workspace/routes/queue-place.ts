import type { FastifyRequest } from "fastify";
import { AppError } from "../../../../core/errors/app-error.js";
import type { CaseRow } from "../queries/case.js";
import { nextInQueue } from "../queries/queue.js";
import { parseQueueQuery, QUEUE_FILTER_KEYS, type QueueQuery, queueQueryString } from "../queue-filters.js";
import { pickStructure, queueClock } from "./load.js";

/** Longer `from` values are not a queue's query string: they are ignored. */
const FROM_MAX = 3000;

const QUEUE_KEYS = ["structure", ...QUEUE_FILTER_KEYS] as const;

/** Where a request was opened from: the queue's query string carried as `?from=` (GET and the actions' POSTs). */
export function fromOf(request: FastifyRequest): string | undefined {
  const from = (request.query as { from?: unknown } | undefined)?.from;
  return typeof from === "string" && from.length <= FROM_MAX ? from : undefined;
}

/** `?from=…` to append to a request's address, or nothing. */
export function fromSuffix(from: string | undefined): string {
  return from ? `?from=${encodeURIComponent(from)}` : "";
}

/** The request's place in a queue: that queue's filters (canonical) and the request after it. */
export interface QueuePlace {
  /** The queue's query string, as its page writes it (no "?"). */
  query: string;
  /** Whether the page was opened from a queue (its forms then carry `from` along). */
  carried: boolean;
  nextId: string | null;
}

/**
 * The queue a request page belongs to: the one its `from` names (read as the queue reads its
 * query string, so unknown or malformed values are dropped), else the open requests of the
 * request's structure; and the next request in it, computed with the same filters and order.
 * A queue the actor may not open gives no place (and no "next request") rather than an error.
 */
export async function queuePlace(
  request: FastifyRequest,
  c: CaseRow,
  from: string | undefined,
): Promise<QueuePlace | null> {
  const params = new URLSearchParams(from ?? "");
  const query: QueueQuery = {};
  for (const key of QUEUE_KEYS) {
    const value = params.get(key);
    if (value !== null) query[key] = value;
  }
  let structureId: string;
  try {
    structureId = (await pickStructure(request, query.structure || c.structureId)).structure.id;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const filters = parseQueueQuery(query, structureId);
  const next = await nextInQueue(request.server.db, filters, await queueClock(request), c.id);
  return { query: queueQueryString(filters), carried: from !== undefined, nextId: next?.id ?? null };
}
