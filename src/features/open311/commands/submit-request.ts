import { createHash, randomBytes } from "node:crypto";
import { text } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { IntakeField } from "../../cases/commands/check-intake.js";
import { type IntakeContext, submitCase } from "../../cases/commands/submit-case.js";
import { findCase } from "../../cases/queries.js";
import { badRequest, notFound, type Open311Error, type ProblemEntry } from "../errors.js";
import { findService, type Open311Client } from "../queries.js";
import { open311Submissions } from "../tables.js";

/** The POST parameters this server reads (the others the specification lists are ignored, see docs). */
export interface Open311RequestInput {
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  description?: string;
}

export interface FiledRequest {
  reference: string;
  structureName: LocalizedText;
  dueAt: Date | null;
}

/** The specification limits a description to 4,000 characters. */
export const DESCRIPTION_MAX = 4000;
/** What every request filed through the API is: a notice (a public matter at a place). */
export const OPEN311_CASE_TYPE = "notice";

/**
 * The intake's one-time key: derived from the client and its Idempotency-Key header when it sends
 * one (so a retried POST finds the request the first one filed), random otherwise.
 */
export function submissionKeyFor(clientId: string, idempotencyKey: string | undefined): string {
  const value = text(idempotencyKey);
  if (!value) return randomBytes(24).toString("base64url");
  return createHash("sha256").update(`open311:${clientId}:${value}`).digest("base64url");
}

/** Which parameter each of the intake's fields comes from, for the error list. */
const PARAMETER_OF: Partial<Record<IntakeField, string>> = {
  structure: "service_code",
  category: "service_code",
  subject: "description",
  description: "description",
  address: "address_string",
  latitude: "lat, long",
  contactName: "first_name, last_name",
  contactEmail: "email",
  contactPhone: "phone",
};

/**
 * Files a POST requests.{format} as a Sharek request, through the same intake as the web form
 * (submitCase validates, stores and acknowledges). Open311 adds only its own rules: a service code,
 * one full location, a description of at most 4,000 characters. The subject is the description's
 * first line; the contact is the email, else the phone, else none (a notice may be anonymous).
 */
export async function submitOpen311Request(
  ctx: Omit<IntakeContext, "client">,
  client: Open311Client,
  input: Open311RequestInput,
  idempotencyKey?: string,
): Promise<{ ok: true; value: FiledRequest } | { ok: false; error: Open311Error }> {
  const problems: ProblemEntry[] = [];
  const serviceCode = text(input.service_code);
  if (!serviceCode) problems.push({ key: "serviceCodeMissing" });
  const service = serviceCode ? await findService(ctx.db, serviceCode) : null;
  if (serviceCode && !service)
    return { ok: false, error: notFound("serviceCodeUnknown", { code: serviceCode.slice(0, 100) }) };

  const [lat, long, addressString, addressId] = [
    input.lat,
    input.long,
    input.address_string,
    input.address_id,
  ].map(text);
  if (!lat && !long && !addressString) {
    // An address_id alone cannot be resolved: this jurisdiction has no master address repository.
    problems.push({ key: addressId ? "addressIdUnsupported" : "locationMissing" });
  }
  const description = text(input.description);
  if ([...description].length > DESCRIPTION_MAX)
    problems.push({ key: "descriptionLong", values: { max: DESCRIPTION_MAX } });
  if (problems.length > 0 || !service) return { ok: false, error: badRequest(...problems) };

  const email = text(input.email);
  const phone = text(input.phone);
  const name = [text(input.first_name), text(input.last_name)].filter(Boolean).join(" ");
  const firstLine = description.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  const subject = [...firstLine.replace(/\s+/g, " ").trim()];
  // The application is the client: its retried POST (same key, hence same client) finds its request.
  const result = await submitCase(
    { ...ctx, client: client.id, channel: "open311" },
    {
      type: OPEN311_CASE_TYPE,
      structure: service.structureCode,
      category: service.categoryId,
      subject: subject.length > 150 ? `${subject.slice(0, 149).join("")}…` : subject.join(""),
      description,
      governorate: service.governorateCode ?? undefined,
      address: addressString,
      latitude: lat,
      longitude: long,
      contactMode: email ? "email" : phone ? "phone" : "anonymous",
      contactName: name,
      contactEmail: email,
      contactPhone: phone,
      submissionKey: submissionKeyFor(client.id, idempotencyKey),
    },
    [],
  );
  if (!result.ok) {
    const seen = new Set<string>();
    const fieldProblems: ProblemEntry[] = [];
    for (const [field, error] of Object.entries(result.errors)) {
      const parameter = PARAMETER_OF[field as IntakeField] ?? "request";
      if (!error || seen.has(parameter)) continue;
      seen.add(parameter);
      fieldProblems.push({ key: "field", values: { parameter, message: ctx.t(error.key, error.values) } });
    }
    return { ok: false, error: badRequest(...fieldProblems) };
  }
  // Which application filed it (a retried POST finds the row already there).
  await ctx.db
    .insert(open311Submissions)
    .values({ caseId: result.value.id, clientId: client.id })
    .onConflictDoNothing();
  const filed = await findCase(ctx.db, result.value.id);
  return {
    ok: true,
    value: {
      reference: result.value.reference,
      structureName: service.structureName,
      dueAt: filed?.dueAt ?? null,
    },
  };
}
