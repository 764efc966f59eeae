import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { isUuid } from "../../core/ids.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { tunisDay, yearOf } from "./days.js";
import { buildCalendar, type Calendar, type HolidayRule } from "./deadlines.js";
import { type DeadlineCaseType, deadlinePolicies, holidays } from "./tables.js";

export type Holiday = typeof holidays.$inferSelect;
export type DeadlinePolicy = typeof deadlinePolicies.$inferSelect;

/**
 * The working-day Calendar for the years fromYear..toYear (weekend: Saturday and Sunday). Holidays
 * outside those years are unknown to it, so load every year a deadline may reach: the year a
 * request arrived and the next one cover any policy (at most 90 working days) with short pauses.
 */
export async function loadCalendar(db: Db, fromYear: number, toYear: number): Promise<Calendar> {
  const rows = await db
    .select({ kind: holidays.kind, date: holidays.date, month: holidays.month, day: holidays.day })
    .from(holidays)
    .where(
      or(
        eq(holidays.kind, "fixed"),
        and(gte(holidays.date, `${pad4(fromYear)}-01-01`), lte(holidays.date, `${pad4(toYear)}-12-31`)),
      ),
    );
  const rules: HolidayRule[] = rows.map((r) =>
    r.kind === "fixed" ? { kind: "fixed", month: r.month!, day: r.day! } : { kind: "dated", date: r.date! },
  );
  return buildCalendar(rules, fromYear, toYear);
}

/** The Calendar around a moment: its year and the next (see loadCalendar). */
export async function loadCalendarFor(db: Db, from: Date, until: Date = from): Promise<Calendar> {
  return loadCalendar(db, yearOf(tunisDay(from)), yearOf(tunisDay(until)) + 1);
}

const pad4 = (n: number) => String(n).padStart(4, "0");

/** The policy that applies to a type of request at a structure, and where it comes from. */
export interface EffectivePolicy {
  caseType: DeadlineCaseType;
  workingDays: number;
  pauseAllowed: boolean;
  legalBasis: LocalizedText | null;
  /** "structure": that structure's override; "national": the national default. */
  source: "structure" | "national";
  policyId: string;
}

/**
 * The deadline policy for a type of request at a structure: the structure's override if it has
 * one, else the national default. Null only when no national default exists (the reference seed
 * creates one for every type); a structure id that is not a uuid reads as "no override".
 */
export async function findDeadlinePolicy(
  db: Db,
  caseType: DeadlineCaseType,
  structureId: string | null,
): Promise<EffectivePolicy | null> {
  const own = isUuid(structureId) ? eq(deadlinePolicies.structureId, structureId) : undefined;
  const rows = await db
    .select()
    .from(deadlinePolicies)
    .where(
      and(
        eq(deadlinePolicies.caseType, caseType),
        own ? or(isNull(deadlinePolicies.structureId), own) : isNull(deadlinePolicies.structureId),
      ),
    );
  const row = rows.find((r) => r.structureId !== null) ?? rows[0];
  if (!row) return null;
  return {
    caseType: row.caseType,
    workingDays: row.workingDays,
    pauseAllowed: row.pauseAllowed,
    legalBasis: row.legalBasis ?? null,
    source: row.structureId ? "structure" : "national",
    policyId: row.id,
  };
}

/** The holidays that fall in a year: dated ones of that year, and every fixed one. */
export async function listHolidays(db: Db, year: number): Promise<Holiday[]> {
  return db
    .select()
    .from(holidays)
    .where(
      or(
        eq(holidays.kind, "fixed"),
        and(gte(holidays.date, `${pad4(year)}-01-01`), lte(holidays.date, `${pad4(year)}-12-31`)),
      ),
    )
    .orderBy(
      asc(sql`coalesce(${holidays.month}, extract(month from ${holidays.date}))`),
      asc(sql`coalesce(${holidays.day}, extract(day from ${holidays.date}))`),
    );
}

/** The years that have dated holidays, for the year switcher. */
export async function listHolidayYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${holidays.date})::int` })
    .from(holidays)
    .where(eq(holidays.kind, "dated"));
  return rows.map((r) => Number(r.year)).sort((a, b) => a - b);
}

export async function findHoliday(db: Db, id: string | undefined): Promise<Holiday | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(holidays).where(eq(holidays.id, id));
  return row ?? null;
}

export async function findPolicyById(db: Db, id: string | undefined): Promise<DeadlinePolicy | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(deadlinePolicies).where(eq(deadlinePolicies.id, id));
  return row ?? null;
}

/** The national defaults, one per type. */
export async function listNationalDefaults(db: Db): Promise<DeadlinePolicy[]> {
  return db.select().from(deadlinePolicies).where(isNull(deadlinePolicies.structureId));
}

/** Structures' overrides, with the structure's name: all of them, or those of some structures. */
export async function listOverrides(db: Db, scope: "all" | string[]) {
  if (scope !== "all" && scope.length === 0) return [];
  return db
    .select({
      policy: deadlinePolicies,
      structure: { id: structures.id, code: structures.code, name: structures.name },
    })
    .from(deadlinePolicies)
    .innerJoin(structures, eq(structures.id, deadlinePolicies.structureId))
    .where(scope === "all" ? undefined : inArray(deadlinePolicies.structureId, scope))
    .orderBy(asc(structures.code), asc(deadlinePolicies.caseType));
}

/** Active structures for the override form's select. */
export async function listStructureChoices(db: Db) {
  return db
    .select({ id: structures.id, code: structures.code, name: structures.name })
    .from(structures)
    .where(isNull(structures.retiredAt))
    .orderBy(asc(structures.code));
}

export async function findActiveStructure(db: Db, id: string | undefined) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ id: structures.id, name: structures.name })
    .from(structures)
    .where(and(eq(structures.id, id), isNull(structures.retiredAt)));
  return row ?? null;
}

/** The policy stored for exactly this type and structure (null: the national default), if any. */
export async function findPolicy(
  db: Db,
  caseType: DeadlineCaseType,
  structureId: string | null,
): Promise<DeadlinePolicy | null> {
  const [row] = await db
    .select()
    .from(deadlinePolicies)
    .where(
      and(
        eq(deadlinePolicies.caseType, caseType),
        structureId ? eq(deadlinePolicies.structureId, structureId) : isNull(deadlinePolicies.structureId),
      ),
    );
  return row ?? null;
}

/** A structure's name, retired or not. */
export async function findStructureName(db: Db, id: string): Promise<LocalizedText | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select({ name: structures.name }).from(structures).where(eq(structures.id, id));
  return row?.name ?? null;
}
