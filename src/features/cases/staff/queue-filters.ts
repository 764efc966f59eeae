import type { DeadlineState } from "../../calendar/deadlines.js";
import { isUuid } from "../../structures/commands/structure-fields.js";
import type { CaseStatus } from "../lifecycle.js";
import { CASE_TYPES, type CaseType } from "../rules.js";
import { caseStatus } from "../tables.js";
import { DEADLINE_STATES } from "./deadline-state.js";

/** "open": new, in progress or awaiting the citizen (the default); "all": every status. */
export type StatusFilter = "open" | "all" | CaseStatus;

/** A queue's filters, as read from its query string (unknown or malformed values are dropped). */
export interface QueueFilters {
  structureId: string;
  status: StatusFilter;
  type?: CaseType;
  categoryId?: string;
  deadline?: DeadlineState;
  /** "unassigned", "me", or an account id. */
  assignee?: string;
  governorate?: string;
  /** The appeals under review that this structure's admins decide (appeals.ts), instead of its requests. */
  appeals?: boolean;
  page: number;
}

export interface QueueQuery {
  structure?: string;
  status?: string;
  type?: string;
  category?: string;
  deadline?: string;
  assignee?: string;
  governorate?: string;
  appeals?: string;
  page?: string;
}

export const STATUS_FILTERS: readonly StatusFilter[] = ["open", ...caseStatus.enumValues, "all"];
const MAX_PAGE = 10_000;

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** Reads a queue's query string; the structure must already be one the actor may open. */
export function parseQueueQuery(query: QueueQuery, structureId: string): QueueFilters {
  const page = Number.parseInt(query.page ?? "", 10);
  const assignee =
    query.assignee === "unassigned" || query.assignee === "me" || isUuid(query.assignee)
      ? query.assignee
      : undefined;
  return {
    structureId,
    status: oneOf(STATUS_FILTERS, query.status) ?? "open",
    type: oneOf(CASE_TYPES, query.type),
    categoryId: isUuid(query.category) ? query.category : undefined,
    deadline: oneOf(DEADLINE_STATES, query.deadline),
    assignee,
    governorate: /^TN-[0-9]{2}$/.test(query.governorate ?? "") ? query.governorate : undefined,
    appeals: query.appeals === "1" || undefined,
    page: Number.isFinite(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/**
 * The filters as a canonical query string (no page, no "?"): what saved views store, and what the
 * count links extend. `override` changes some filters first (undefined removes one).
 */
export function queueQueryString(filters: QueueFilters, override: Partial<QueueFilters> = {}): string {
  const f = { ...filters, ...override };
  const params = new URLSearchParams();
  params.set("structure", f.structureId);
  if (f.status !== "open") params.set("status", f.status);
  if (f.type) params.set("type", f.type);
  if (f.categoryId) params.set("category", f.categoryId);
  if (f.deadline) params.set("deadline", f.deadline);
  if (f.assignee) params.set("assignee", f.assignee);
  if (f.governorate) params.set("governorate", f.governorate);
  if (f.appeals) params.set("appeals", "1");
  return params.toString();
}

/** A saved view's query string, cleaned: only the known filters, for the structure it was saved in. */
export function normaliseSavedQuery(raw: string, structureId: string): string {
  const params = new URLSearchParams(raw.replace(/^\?/, ""));
  const query: QueueQuery = {};
  for (const key of [
    "status",
    "type",
    "category",
    "deadline",
    "assignee",
    "governorate",
    "appeals",
  ] as const) {
    const value = params.get(key);
    if (value !== null) query[key] = value;
  }
  return queueQueryString(parseQueueQuery(query, structureId));
}
