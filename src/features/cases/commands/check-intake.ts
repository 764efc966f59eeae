import { and, eq, isNull } from "drizzle-orm";
import { type FieldErrors, fieldError, hasErrors, isEmail, text, toE164 } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import { findMunicipality } from "../../structures/queries.js";
import { CENTRAL_OFFICE_CODE, GOVERNORATES } from "../../structures/reference-data.js";
import { structureCategories } from "../../structures/tables.js";
import { ACCESS_TRACK_NAMES } from "../access-law.js";
import { checkAttachments, type Upload } from "../attachments.js";
import { ANONYMOUS_TYPES, CASE_TYPES, type CaseType, LIMITS } from "../rules.js";

import type { IntakeContext } from "./submit-case.js";

export type IntakeField =
  | "type"
  | "structure"
  | "category"
  | "subject"
  | "description"
  | "governorate"
  | "municipality"
  | "address"
  | "latitude"
  | "attachments"
  | "contactMode"
  | "contactName"
  | "contactEmail"
  | "contactPhone"
  | "accessTrack"
  | "contactAddress";

export interface IntakeInput {
  type?: string;
  structure?: string;
  category?: string;
  subject?: string;
  description?: string;
  governorate?: string;
  /** The id of a municipality (of that governorate, when one is given). */
  municipality?: string;
  address?: string;
  latitude?: string;
  longitude?: string;
  contactMode?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  /** Access-to-information requests: the law's track (access-law.ts); the general one when empty. */
  accessTrack?: string;
  /** A postal address to answer to (requests filed on someone's behalf). */
  contactAddress?: string;
  submissionKey?: string;
}

function coordinate(value: string | undefined, min: number, max: number): number | null | "invalid" {
  const raw = text(value);
  if (!raw) return null;
  const n = Number(raw.replace(",", "."));
  return Number.isFinite(n) && n >= min && n <= max ? n : "invalid";
}

/**
 * Reads a request's form: every field validated, uploads checked by content (not yet stored), the
 * structure and category looked up. Errors name the fields; the values come back parsed.
 */
export async function checkIntake(
  ctx: Pick<IntakeContext, "db" | "account" | "filedBy">,
  input: IntakeInput,
  uploads: Upload[],
) {
  const { db } = ctx;
  const errors: FieldErrors<IntakeField> = {};
  const type = (CASE_TYPES as readonly string[]).includes(input.type ?? "") ? (input.type as CaseType) : null;
  if (!type) errors.type = fieldError("cases.errors.typeRequired");

  // The structure: one of the directory's active structures, or "unknown" → the central office triages.
  const structureCode = text(input.structure);
  const needsTriage = structureCode === "unknown";
  const [structure] = structureCode
    ? await db
        .select({ id: structures.id, kind: structures.kind })
        .from(structures)
        .where(
          and(
            eq(structures.code, needsTriage ? CENTRAL_OFFICE_CODE : structureCode),
            isNull(structures.retiredAt),
          ),
        )
    : [];
  if (!structure) errors.structure = fieldError("cases.errors.structureRequired");

  const categoryId = text(input.category);
  if (categoryId && structure) {
    const [category] = /^[0-9a-f-]{36}$/i.test(categoryId)
      ? await db
          .select({ id: structureCategories.id })
          .from(structureCategories)
          .where(
            and(
              eq(structureCategories.id, categoryId),
              eq(structureCategories.structureId, structure.id),
              isNull(structureCategories.retiredAt),
            ),
          )
      : [];
    if (!category) errors.category = fieldError("cases.errors.categoryInvalid");
  }

  const subject = text(input.subject);
  if (subject.length === 0) errors.subject = fieldError("cases.errors.subjectRequired");
  else if (subject.length < LIMITS.subject.min)
    errors.subject = fieldError("cases.errors.subjectShort", { min: LIMITS.subject.min });
  else if (subject.length > LIMITS.subject.max)
    errors.subject = fieldError("cases.errors.subjectLong", { max: LIMITS.subject.max });
  const description = text(input.description);
  if (description.length === 0) errors.description = fieldError("cases.errors.descriptionRequired");
  else if (description.length < LIMITS.description.min)
    errors.description = fieldError("cases.errors.descriptionShort", { min: LIMITS.description.min });
  else if (description.length > LIMITS.description.max)
    errors.description = fieldError("cases.errors.descriptionLong", { max: LIMITS.description.max });

  const trackInput = text(input.accessTrack) || "standard";
  const accessTrack =
    type === "information" ? (ACCESS_TRACK_NAMES.find((n) => n === trackInput) ?? null) : null;
  if (type === "information" && !accessTrack)
    errors.accessTrack = fieldError("cases.errors.accessTrackInvalid");

  let governorateCode = text(input.governorate) || null;
  if (governorateCode && !GOVERNORATES.some((g) => g.code === governorateCode))
    errors.governorate = fieldError("cases.errors.governorateInvalid");
  // A municipality: one of the directory's, in the governorate given (which it gives when none is).
  const municipalityRef = text(input.municipality);
  const municipality = municipalityRef ? await findMunicipality(db, municipalityRef) : null;
  if (municipalityRef && !municipality) errors.municipality = fieldError("cases.errors.municipalityInvalid");
  else if (municipality && governorateCode && municipality.governorateCode !== governorateCode)
    errors.municipality = fieldError("cases.errors.municipalityOutsideGovernorate");
  else if (municipality) governorateCode ??= municipality.governorateCode;
  const address = text(input.address) || null;
  if (address && address.length > LIMITS.address)
    errors.address = fieldError("cases.errors.addressLong", { max: LIMITS.address });
  const latitude = coordinate(input.latitude, -90, 90);
  const longitude = coordinate(input.longitude, -180, 180);
  if (latitude === "invalid" || longitude === "invalid" || (latitude === null) !== (longitude === null)) {
    errors.latitude = fieldError("cases.errors.coordinatesInvalid");
  }

  // How to reach the person: their account, an email or phone, or nobody (anonymous, where allowed);
  // filed on their behalf, their name and whatever of e-mail, phone and postal address they gave.
  const mode = ctx.filedBy ? "onBehalf" : ctx.account ? "account" : text(input.contactMode);
  const contactName = text(input.contactName) || null;
  const typedEmail = text(input.contactEmail);
  const contactEmail = typedEmail && isEmail(typedEmail) ? typedEmail : null;
  const contactPhoneRaw = text(input.contactPhone);
  const contactPhone = contactPhoneRaw ? toE164(contactPhoneRaw) : null;
  if (contactName && contactName.length > 120)
    errors.contactName = fieldError("cases.errors.nameLong", { max: 120 });
  if (mode === "email" && !contactEmail) errors.contactEmail = fieldError("cases.errors.emailInvalid");
  if (mode === "phone" && !contactPhone) errors.contactPhone = fieldError("cases.errors.phoneInvalid");
  if (mode === "anonymous" && type && !ANONYMOUS_TYPES.has(type))
    errors.contactMode = fieldError("cases.errors.anonymousNotAllowed");
  const contactAddress = mode === "onBehalf" ? text(input.contactAddress) || null : null;
  if (mode === "onBehalf") {
    if (!contactName) errors.contactName = fieldError("cases.errors.nameRequired");
    if (typedEmail && !contactEmail) errors.contactEmail = fieldError("cases.errors.emailInvalid");
    if (contactPhoneRaw && !contactPhone) errors.contactPhone = fieldError("cases.errors.phoneInvalid");
    if (contactAddress && contactAddress.length > LIMITS.address)
      errors.contactAddress = fieldError("cases.errors.addressLong", { max: LIMITS.address });
  }
  if (!["account", "email", "phone", "anonymous", "onBehalf"].includes(mode))
    errors.contactMode = fieldError("cases.errors.contactRequired");

  // Attachments, judged by content.
  const checked = await checkAttachments(uploads);
  if (!checked.ok) errors.attachments = checked.error;

  const submissionKey = text(input.submissionKey);
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(submissionKey)) errors.type ??= fieldError("cases.errors.formExpired");
  if (hasErrors(errors) || !type || !structure || !checked.ok) return { ok: false as const, errors };
  return {
    ok: true as const,
    value: {
      type,
      structure,
      needsTriage,
      categoryId,
      subject,
      description,
      accessTrack,
      governorateCode,
      municipalityId: municipality?.id ?? null,
      address,
      latitude,
      longitude,
      mode,
      contactName,
      contactEmail,
      contactPhone,
      contactAddress,
      files: checked.files,
      submissionKey,
    },
  };
}
