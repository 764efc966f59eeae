import { isEmail, toE164 } from "../../../core/forms.js";
import { isUuid } from "../../../core/ids.js";
import type { DeadlineState } from "../../calendar/deadlines.js";
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
  /** "mine": the requests in the queue of a team the reader is a member of. */
  team?: "mine";
  governorate?: string;
  /** The appeals under review that this structure's admins decide (appeals.ts), instead of its requests. */
  appeals?: boolean;
  /** What the search box asked for, as typed (trimmed), and how it reads. */
  q?: string;
  search?: QueueSearch;
  page: number;
}

/**
 * One search box, read as what a caller quotes: a reference (EC-2026-000123, or without the prefix
 * or the year, in any digits), a contact e-mail, a phone number (stored in E.164), or else words
 * of the subject and text (Arabic-normalised in SQL, see queries/queue.ts).
 */
export type QueueSearch =
  | { kind: "reference"; year?: string; number: string }
  | { kind: "email"; email: string }
  | { kind: "phone"; phone: string }
  | { kind: "words"; terms: string[] };

export interface QueueQuery {
  structure?: string;
  status?: string;
  type?: string;
  category?: string;
  deadline?: string;
  assignee?: string;
  team?: string;
  governorate?: string;
  appeals?: string;
  q?: string;
  page?: string;
}

export const STATUS_FILTERS: readonly StatusFilter[] = ["open", ...caseStatus.enumValues, "all"];
const MAX_PAGE = 10_000;
/** Longer searches are cut (the schema refuses far longer ones); at most this many words count. */
export const SEARCH_MAX = 200;
const MAX_TERMS = 8;

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII digits. */
export function asciiDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

const REFERENCE = /^(?:EC-?)?(?:(\d{4})-)?(\d{1,6})$/i;

/** How the search box reads (see QueueSearch); undefined when it holds nothing to look for. */
export function parseSearch(raw: string): QueueSearch | undefined {
  const q = asciiDigits(raw.normalize("NFKC")).trim().slice(0, SEARCH_MAX);
  const reference = REFERENCE.exec(q.replace(/[\s\u2010-\u2015_/-]+/g, "-"));
  if (reference) return { kind: "reference", year: reference[1], number: reference[2]!.padStart(6, "0") };
  if (isEmail(q)) return { kind: "email", email: q.toLowerCase() };
  if (/^\+?[\d\s().-]{8,}$/.test(q)) {
    const phone = toE164(q);
    if (phone) return { kind: "phone", phone };
  }
  // Arabic forms, case and French accents are folded in SQL, on both sides (queries/queue.ts).
  const terms = q.split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
  return terms.length > 0 ? { kind: "words", terms } : undefined;
}

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
    team: query.team === "mine" ? "mine" : undefined,
    governorate: /^TN-[0-9]{2}$/.test(query.governorate ?? "") ? query.governorate : undefined,
    appeals: query.appeals === "1" || undefined,
    q: query.q?.trim().slice(0, SEARCH_MAX) || undefined,
    search: parseSearch(query.q ?? ""),
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
  if (f.team) params.set("team", f.team);
  if (f.governorate) params.set("governorate", f.governorate);
  if (f.appeals) params.set("appeals", "1");
  if (f.q) params.set("q", f.q);
  return params.toString();
}

/** The queue's filters as its query string names them (the structure apart). */
export const QUEUE_FILTER_KEYS = [
  "status",
  "type",
  "category",
  "deadline",
  "assignee",
  "team",
  "governorate",
  "appeals",
  "q",
] as const;

/** A saved view's query string, cleaned: only the known filters, for the structure it was saved in. */
export function normaliseSavedQuery(raw: string, structureId: string): string {
  const params = new URLSearchParams(raw.replace(/^\?/, ""));
  const query: QueueQuery = {};
  for (const key of QUEUE_FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null) query[key] = value;
  }
  return queueQueryString(parseQueueQuery(query, structureId));
}
