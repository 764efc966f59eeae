import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import { id, timestamps } from "../../db/columns.js";

/** The E-Citizen request types a deadline policy applies to (the same names as cases use). */
export const DEADLINE_CASE_TYPES = ["notice", "complaint", "suggestion", "guidance", "information"] as const;
export type DeadlineCaseType = (typeof DEADLINE_CASE_TYPES)[number];

/**
 * The types whose deadline a policy sets. Not access-to-information requests: Organic Law 2016-22
 * sets their limits in days, not working days, and no one may change them (cases/access-law.ts).
 */
export const LAW_FIXED_CASE_TYPES: readonly DeadlineCaseType[] = ["information"];
export const SETTABLE_CASE_TYPES = DEADLINE_CASE_TYPES.filter((type) => !LAW_FIXED_CASE_TYPES.includes(type));

/** The shortest and longest deadline a policy may set, in working days. */
export const MIN_WORKING_DAYS = 1;
export const MAX_WORKING_DAYS = 90;

/**
 * fixed: recurs every year on the same month and day (20 March, Independence Day);
 * dated: falls on one given date, entered each year (religious holidays follow the Hijri calendar).
 */
export const holidayKind = pgEnum("holiday_kind", ["fixed", "dated"]);

/** Public holidays: no clock runs on them. Platform admins keep them. */
export const holidays = pgTable(
  "holidays",
  {
    id: id(),
    kind: holidayKind("kind").notNull(),
    /** The day a dated holiday falls on (null for fixed ones). */
    date: date("date", { mode: "string" }),
    /** The month (1–12) and day of a fixed holiday (null for dated ones). */
    month: smallint("month"),
    day: smallint("day"),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    ...timestamps(),
  },
  (t) => [
    check(
      "holidays_kind_fields",
      sql`(${t.kind} = 'fixed' and ${t.date} is null and ${t.month} between 1 and 12 and ${t.day} between 1 and 31)
        or (${t.kind} = 'dated' and ${t.date} is not null and ${t.month} is null and ${t.day} is null)`,
    ),
    // One holiday per day: a second one on the same day would change nothing.
    uniqueIndex("holidays_fixed_unique").on(t.month, t.day).where(sql`${t.kind} = 'fixed'`),
    uniqueIndex("holidays_dated_unique").on(t.date).where(sql`${t.kind} = 'dated'`),
  ],
);

/**
 * How many working days a structure has to answer each type of request: the national default
 * (structure_id null) and a structure's own override. One policy per (type, structure), the
 * national default included (two partial unique indexes, since NULLs are distinct in a plain one).
 */
export const deadlinePolicies = pgTable(
  "deadline_policies",
  {
    id: id(),
    caseType: text("case_type").$type<DeadlineCaseType>().notNull(),
    structureId: uuid("structure_id").references(() => structures.id),
    workingDays: integer("working_days").notNull(),
    /** The text that sets the deadline, shown to citizens and staff where known. */
    legalBasis: jsonb("legal_basis").$type<LocalizedText>(),
    /** Whether asking the citizen for more information stops the clock. */
    pauseAllowed: boolean("pause_allowed").notNull(),
    ...timestamps(),
  },
  (t) => [
    check(
      "deadline_policies_case_type",
      sql`${t.caseType} in ('notice', 'complaint', 'suggestion', 'guidance', 'information')`,
    ),
    check(
      "deadline_policies_working_days",
      sql`${t.workingDays} between ${sql.raw(String(MIN_WORKING_DAYS))} and ${sql.raw(String(MAX_WORKING_DAYS))}`,
    ),
    uniqueIndex("deadline_policies_default_unique").on(t.caseType).where(sql`${t.structureId} is null`),
    uniqueIndex("deadline_policies_override_unique")
      .on(t.caseType, t.structureId)
      .where(sql`${t.structureId} is not null`),
  ],
);
