import type { Translate } from "../../core/i18n/catalog.js";
import { LOCALES, type Locale, type LocalizedText, pickLocalized } from "../../core/i18n/localized.js";
import type { Fields } from "./document.js";
import { w3c } from "./params.js";
import { OPEN311_STATUSES, type RequestRow, type ServiceRow } from "./queries.js";

export interface Presenter {
  locale: Locale;
  t: Translate;
}

export const serviceCodeOf = (structureCode: string, categoryCode: string) =>
  `${structureCode}.${categoryCode}`;

/** Synonyms that help people find a service: its names and its structure's names in every language. */
function keywords(category: LocalizedText, structure: LocalizedText): string {
  const words = LOCALES.flatMap((l) => [category[l], structure[l]])
    .filter((w): w is string => Boolean(w))
    // Commas separate keywords; one inside a name would split it.
    .map((w) => w.replaceAll(",", " ").trim());
  return [...new Set(words)].join(", ");
}

/** A service of the list (GET services), fields in the specification's order. */
export function presentService(row: ServiceRow, { locale, t }: Presenter): Fields {
  const name = pickLocalized(row.categoryName, locale).text;
  const group = pickLocalized(row.structureName, locale).text;
  return {
    service_code: serviceCodeOf(row.structureCode, row.categoryCode),
    service_name: name,
    description: t("open311.service.description", { category: name, structure: group }),
    metadata: false,
    type: "realtime",
    keywords: keywords(row.categoryName, row.structureName),
    group,
  };
}

export function open311Status(status: RequestRow["status"]): "open" | "closed" {
  return (OPEN311_STATUSES.closed as readonly string[]).includes(status) ? "closed" : "open";
}

/**
 * The date "updated_datetime" gives: for a closed request, when it was closed (or answered);
 * otherwise when it last changed.
 */
function updatedAt(row: RequestRow): Date {
  if (row.status === "closed") return row.closedAt ?? row.updatedAt;
  if (row.status === "answered") return row.answeredAt ?? row.updatedAt;
  return row.updatedAt;
}

/**
 * A request as GET requests shows it. Only public fields: never the person's name, email, phone or
 * account, never replies or notes (they may quote the person), never attachments. status_notes is
 * a fixed sentence per status or outcome, written by us, not by staff.
 */
export function presentRequest(row: RequestRow, { locale, t }: Presenter): Fields {
  const status = open311Status(row.status);
  const notes =
    row.status === "closed" && row.outcome
      ? t(`open311.statusNotes.outcome.${row.outcome}`)
      : t(`open311.statusNotes.${row.status}`);
  return {
    service_request_id: row.reference,
    status,
    status_notes: notes,
    service_name: row.categoryName ? pickLocalized(row.categoryName, locale).text : null,
    service_code:
      row.categoryCode && row.categoryStructureCode
        ? serviceCodeOf(row.categoryStructureCode, row.categoryCode)
        : null,
    description: row.description,
    agency_responsible: pickLocalized(row.structureName, locale).text,
    service_notice: null,
    requested_datetime: w3c(row.createdAt),
    updated_datetime: w3c(updatedAt(row)),
    expected_datetime: status === "open" && row.dueAt ? w3c(row.dueAt) : null,
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: row.latitude,
    long: row.longitude,
    media_url: null,
  };
}
