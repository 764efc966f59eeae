import { sql } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { ACCESS_TRACKS } from "../../cases/access-law.js";
import { findActiveStructure, findPolicy } from "../queries.js";
import {
  DEADLINE_CASE_TYPES,
  type DeadlineCaseType,
  deadlinePolicies,
  LAW_FIXED_CASE_TYPES,
  MAX_WORKING_DAYS,
  MIN_WORKING_DAYS,
} from "../tables.js";
import { LEGAL_BASIS_MAX, parseInteger } from "./fields.js";

export type PolicyField =
  | "caseType"
  | "structure"
  | "workingDays"
  | "pauseAllowed"
  | "legalBasisAr"
  | "legalBasisFr"
  | "legalBasisEn";
export type PolicyInput = Partial<Record<PolicyField, string>>;

/** The structure field's value for the national default. */
export const NATIONAL = "national";

/**
 * Sets the national default of a type of request (structure "national") or a structure's override,
 * creating or replacing it; audited "deadline_policy.update" with the old and new values. An
 * override cannot give a structure more time than a national default that rests on a legal basis:
 * the law's time limit binds every structure. Access-to-information requests are refused: the law
 * sets their limits in days, and the platform counts them so (cases/access-law.ts).
 */
export async function setDeadlinePolicy(
  db: Db,
  input: PolicyInput,
  context: ChangeContext,
): Promise<Result<{ id: string; structureId: string | null }, PolicyField>> {
  const errors: FieldErrors<PolicyField> = {};
  const caseType = text(input.caseType) as DeadlineCaseType;
  if (LAW_FIXED_CASE_TYPES.includes(caseType))
    errors.caseType = fieldError("calendar.errors.fixedByLaw", { article: ACCESS_TRACKS.standard.article });
  else if (!DEADLINE_CASE_TYPES.includes(caseType)) errors.caseType = fieldError("calendar.errors.caseType");

  const structureValue = text(input.structure);
  let structureId: string | null = null;
  if (structureValue !== NATIONAL) {
    const structure = await findActiveStructure(db, structureValue);
    if (structure) structureId = structure.id;
    else errors.structure = fieldError("calendar.errors.structure");
  }

  const workingDays = parseInteger(input.workingDays);
  if (workingDays === null || workingDays < MIN_WORKING_DAYS || workingDays > MAX_WORKING_DAYS) {
    errors.workingDays = fieldError("calendar.errors.workingDays", {
      min: MIN_WORKING_DAYS,
      max: MAX_WORKING_DAYS,
    });
  }

  const pause = text(input.pauseAllowed);
  if (pause !== "yes" && pause !== "no") errors.pauseAllowed = fieldError("calendar.errors.pauseAllowed");

  const legalBasis: LocalizedText = {};
  for (const [locale, field] of [
    ["ar", "legalBasisAr"],
    ["fr", "legalBasisFr"],
    ["en", "legalBasisEn"],
  ] as const) {
    const value = text(input[field]);
    if (value.length > LEGAL_BASIS_MAX)
      errors[field] = fieldError("calendar.errors.legalBasisLong", { lang: locale, max: LEGAL_BASIS_MAX });
    else if (value) legalBasis[locale] = value;
  }

  if (!errors.caseType && !errors.workingDays && structureId) {
    const national = await findPolicy(db, caseType, null);
    if (national?.legalBasis && workingDays! > national.workingDays) {
      errors.workingDays = fieldError("calendar.errors.beyondLegal", { max: national.workingDays });
    }
  }
  if (hasErrors(errors)) return { ok: false, errors };

  const values = {
    caseType,
    structureId,
    workingDays: workingDays!,
    pauseAllowed: pause === "yes",
    legalBasis: Object.keys(legalBasis).length > 0 ? legalBasis : null,
  };
  const id = await db.transaction(async (tx) => {
    const before = await findPolicy(tx, caseType, structureId);
    const [row] = await tx
      .insert(deadlinePolicies)
      .values(values)
      .onConflictDoUpdate({
        target: structureId
          ? [deadlinePolicies.caseType, deadlinePolicies.structureId]
          : [deadlinePolicies.caseType],
        targetWhere: structureId
          ? sql`${deadlinePolicies.structureId} is not null`
          : sql`${deadlinePolicies.structureId} is null`,
        set: {
          workingDays: values.workingDays,
          pauseAllowed: values.pauseAllowed,
          legalBasis: values.legalBasis,
        },
      })
      .returning({ id: deadlinePolicies.id });
    await audit(
      tx,
      {
        action: "deadline_policy.update",
        subjectType: "deadline_policy",
        subjectId: row!.id,
        structureId,
        details: {
          caseType,
          scope: structureId ? "structure" : "national",
          workingDays: values.workingDays,
          pauseAllowed: values.pauseAllowed,
          before: before ? { workingDays: before.workingDays, pauseAllowed: before.pauseAllowed } : null,
        },
      },
      context.request,
      context.actorId,
    );
    return row!.id;
  });
  return { ok: true, value: { id, structureId } };
}
