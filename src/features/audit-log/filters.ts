import { type FieldErrors, fieldError, isEmail, text } from "../../core/forms.js";
import { isUuid } from "../../core/ids.js";

export type FilterField = "action" | "actor" | "structure" | "from" | "to";
export type FilterInput = Partial<Record<FilterField, string>>;

/** What the audit log is narrowed to. Dates are whole days in Tunis; `to` is inclusive. */
export interface AuditFilters {
  action?: string;
  actorEmail?: string;
  structureId?: string;
  from?: Date;
  /** Exclusive: the start of the day after the chosen last day. */
  before?: Date;
}

const ACTION = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The start of a calendar day in Tunis (UTC+1 all year), or null if it is not a real date. */
export function startOfDay(value: string): Date | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const date = new Date(`${value}T00:00:00+01:00`);
  if (Number.isNaN(date.getTime())) return null;
  // "2026-02-30" parses as 2 March: a real date reads back the same.
  const check = new Date(date.getTime() + 3600_000).toISOString().slice(0, 10);
  return check === value ? date : null;
}

/** Reads the filter form (a GET query). Empty fields mean "any". */
export function parseFilters(input: FilterInput): {
  filters: AuditFilters;
  errors: FieldErrors<FilterField>;
} {
  const filters: AuditFilters = {};
  const errors: FieldErrors<FilterField> = {};
  const action = text(input.action);
  if (action) {
    if (ACTION.test(action) && action.length <= 100) filters.action = action;
    else errors.action = fieldError("audit-log.errors.action");
  }
  const actor = text(input.actor);
  if (actor) {
    if (isEmail(actor)) filters.actorEmail = actor;
    else errors.actor = fieldError("audit-log.errors.actor");
  }
  const structure = text(input.structure);
  if (structure) {
    if (isUuid(structure)) filters.structureId = structure;
    else errors.structure = fieldError("audit-log.errors.structure");
  }
  const from = text(input.from);
  if (from) {
    const day = startOfDay(from);
    if (day) filters.from = day;
    else errors.from = fieldError("audit-log.errors.date");
  }
  const to = text(input.to);
  if (to) {
    const day = startOfDay(to);
    if (!day) errors.to = fieldError("audit-log.errors.date");
    else if (filters.from && day < filters.from) errors.to = fieldError("audit-log.errors.toBeforeFrom");
    else filters.before = new Date(day.getTime() + 86_400_000);
  }
  return { filters, errors };
}

/** The filters as a query string for links (the CSV export, the pages). */
export function filterQuery(input: FilterInput): string {
  const query = new URLSearchParams();
  for (const key of ["action", "actor", "structure", "from", "to"] as const) {
    const value = text(input[key]);
    if (value) query.set(key, value);
  }
  const qs = query.toString();
  return qs ? `?${qs}` : "";
}
