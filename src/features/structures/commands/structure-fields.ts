import { type FieldErrors, fieldError, isEmail, text, toE164 } from "../../../core/forms.js";
import { type LocalizedText, localized } from "../../../core/i18n/localized.js";
import { type StructureContact, structureKind } from "../../../core/structures/tables.js";

export type StructureKind = (typeof structureKind.enumValues)[number];
export const STRUCTURE_KINDS = structureKind.enumValues;

export const CODE_PATTERN = /^[a-z0-9-]{2,64}$/;
export const NAME_MAX = 200;
export const SUMMARY_MAX = 1000;
export const ADDRESS_MAX = 300;
export const WEBSITE_MAX = 300;
export const REASON_MAX = 500;

export const isKind = (value: string): value is StructureKind =>
  (STRUCTURE_KINDS as readonly string[]).includes(value);

/** The text fields of a structure's form (and of an import row), as typed. */
export type NamesField = "nameAr" | "nameFr" | "nameEn";
export type SummaryField = "summaryAr" | "summaryFr" | "summaryEn";
export type ContactField = "addressAr" | "addressFr" | "addressEn" | "phone" | "email" | "website";
export type DetailsField = SummaryField | ContactField;

function tooLong(value: LocalizedText, max: number): boolean {
  return Object.values(value).some((v) => [...(v ?? "")].length > max);
}

/** Names in ar/fr/en: at least one, none too long. Errors land on the first name field. */
export function parseNames(input: Partial<Record<NamesField, string>>, errors: FieldErrors): LocalizedText {
  const name = localized(input.nameAr, input.nameFr, input.nameEn);
  if (Object.keys(name).length === 0) errors.nameAr = fieldError("structures.errors.nameRequired");
  for (const [field, lang] of [
    ["nameAr", "ar"],
    ["nameFr", "fr"],
    ["nameEn", "en"],
  ] as const) {
    if (tooLong({ [lang]: name[lang] }, NAME_MAX))
      errors[field] = fieldError("structures.errors.nameTooLong", { max: NAME_MAX });
  }
  return name;
}

/** What a structure does, in ar/fr/en (each optional), and how to reach it. */
export function parseDetails(
  input: Partial<Record<DetailsField, string>>,
  errors: FieldErrors,
): { summary: LocalizedText; contact: StructureContact } {
  const summary = localized(input.summaryAr, input.summaryFr, input.summaryEn);
  for (const [field, lang] of [
    ["summaryAr", "ar"],
    ["summaryFr", "fr"],
    ["summaryEn", "en"],
  ] as const) {
    if (tooLong({ [lang]: summary[lang] }, SUMMARY_MAX))
      errors[field] = fieldError("structures.errors.summaryTooLong", { max: SUMMARY_MAX });
  }
  const address = localized(input.addressAr, input.addressFr, input.addressEn);
  for (const [field, lang] of [
    ["addressAr", "ar"],
    ["addressFr", "fr"],
    ["addressEn", "en"],
  ] as const) {
    if (tooLong({ [lang]: address[lang] }, ADDRESS_MAX))
      errors[field] = fieldError("structures.errors.addressTooLong", { max: ADDRESS_MAX });
  }
  const contact: StructureContact = {};
  if (Object.keys(address).length > 0) contact.address = address;
  const phone = text(input.phone);
  if (phone) {
    const e164 = toE164(phone);
    if (e164) contact.phone = e164;
    else errors.phone = fieldError("structures.errors.phoneInvalid");
  }
  const email = text(input.email).toLowerCase();
  if (email) {
    if (isEmail(email)) contact.email = email;
    else errors.email = fieldError("structures.errors.emailInvalid");
  }
  const website = text(input.website);
  if (website) {
    if (isWebsite(website)) contact.website = website;
    else errors.website = fieldError("structures.errors.websiteInvalid", { max: WEBSITE_MAX });
  }
  return { summary, contact };
}

/** An http(s) address with a host, of reasonable length. */
export function isWebsite(value: string): boolean {
  if (value.length > WEBSITE_MAX || !/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** The same contact with its keys in one order, so two contacts compare by JSON. */
export function canonicalContact(contact: StructureContact): StructureContact {
  const out: StructureContact = {};
  if (contact.address && Object.keys(contact.address).length > 0)
    out.address = localized(contact.address.ar, contact.address.fr, contact.address.en);
  if (contact.phone) out.phone = contact.phone;
  if (contact.email) out.email = contact.email;
  if (contact.website) out.website = contact.website;
  return out;
}

export function sameLocalized(a: LocalizedText, b: LocalizedText): boolean {
  const x = localized(a.ar, a.fr, a.en);
  const y = localized(b.ar, b.fr, b.en);
  return x.ar === y.ar && x.fr === y.fr && x.en === y.en;
}

export function sameContact(a: StructureContact, b: StructureContact): boolean {
  return JSON.stringify(canonicalContact(a)) === JSON.stringify(canonicalContact(b));
}
