import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { cases } from "../cases/tables.js";
import { uniqueCaseKeys } from "../cases/testing.js";
import { structureCategories } from "../structures/tables.js";
import { createClient } from "./commands/create-client.js";
import type { Format } from "./document.js";

/** The element names that hold lists, by path: a single child still parses as a list. */
const LIST_PATHS = new Set([
  "services.service",
  "service_requests.request",
  "errors.error",
  "discovery.endpoints.endpoint",
  "discovery.endpoints.endpoint.formats.format",
  "service_definition.attributes.attribute",
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (_name, jpath) => LIST_PATHS.has(String(jpath)),
});

// XML 1.0's Char production: anything else makes a document ill-formed.
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Parses an XML answer with a real parser after checking it is well-formed UTF-8 XML 1.0 with its declaration. */
export function parseXml(body: string): Record<string, unknown> {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(body)).toBe(true);
  expect(XML_CHARS.test(body)).toBe(true);
  return parser.parse(body) as Record<string, unknown>;
}

/** An answer's body in either format, after checking its status and content type. */
export function parseAnswer(response: LightMyRequestResponse, format: Format): unknown {
  const type = format === "xml" ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
  expect(response.headers["content-type"]).toBe(type);
  if (format === "json") return JSON.parse(response.body);
  return parseXml(response.body);
}

export interface ErrorEntry {
  code: number | string;
  description: string;
}

/** The specification's error list, from either format (codes as numbers). */
export function errorsOf(response: LightMyRequestResponse, format: Format): ErrorEntry[] {
  expect(response.body).not.toMatch(/<html/i);
  const parsed = parseAnswer(response, format);
  const entries =
    format === "json"
      ? (parsed as ErrorEntry[])
      : ((parsed as { errors: { error: ErrorEntry[] } }).errors.error ?? []);
  expect(Array.isArray(entries)).toBe(true);
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) {
    expect(Object.keys(entry).sort()).toEqual(["code", "description"]);
    expect(typeof entry.description).toBe("string");
    expect(entry.description.length).toBeGreaterThan(0);
    if (format === "json") expect(typeof entry.code).toBe("number");
  }
  return entries.map((e) => ({ code: Number(e.code), description: e.description }));
}

/** Issues a key straight through the command, as a platform admin would. */
export async function issueKey(db: Db, name = "Test app") {
  const result = await createClient(db, { name, contactEmail: "dev@app.example.tn" }, { actorId: null });
  if (!result.ok) throw new Error("could not issue a key");
  return result.value;
}

/** A request category on a structure (default: the Governorate of Tunis); its service code. */
export async function createService(db: Db, structureCode = "gov-tn-11", categoryCode?: string) {
  const [structure] = await db.select().from(structures).where(eq(structures.code, structureCode));
  if (!structure) throw new Error(`no structure ${structureCode}`);
  const code = categoryCode ?? `cat-${randomUUID().slice(0, 8)}`;
  const [category] = await db
    .insert(structureCategories)
    .values({
      structureId: structure.id,
      code,
      name: { ar: `إنارة ${code}`, fr: `Éclairage ${code}`, en: `Lighting ${code}` },
    })
    .returning();
  return { serviceCode: `${structureCode}.${code}`, category: category!, structure };
}

let sequence = 700_000;

/** A request straight in the database, with contact details that must never come out of the API. */
export async function insertRequest(
  db: Db,
  fields: Partial<typeof cases.$inferInsert> & { structureId: string },
) {
  sequence += 1;
  const [row] = await db
    .insert(cases)
    .values({
      ...uniqueCaseKeys(sequence),
      type: "notice",
      subject: "Lampadaire en panne",
      description: "Le lampadaire devant l’école est éteint depuis une semaine.",
      contactName: "Amira Secret-Name",
      contactEmail: "amira.secret@example.tn",
      contactPhone: "+21620123456",
      ...fields,
    })
    .returning();
  return row!;
}

/** A POST requests.{format} as a client application sends it (form-encoded, no cookie, no CSRF token). */
export function postRequest(
  app: FastifyInstance,
  format: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: "POST",
    url: `/open311/v2/requests.${format}`,
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...headers },
    payload: new URLSearchParams(form).toString(),
  });
}

export const FORMATS_UNDER_TEST: Format[] = ["xml", "json"];

// Field names as the specification's response tables list them, in their order.
export const SPEC = {
  discovery: ["changeset", "contact", "key_service", "endpoints"],
  endpoint: ["specification", "url", "changeset", "type", "formats"],
  service: ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
  definition: ["service_code", "attributes"],
  request: [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
  ],
  created: ["service_request_id", "service_notice"],
} as const;

/** A date-time as the specification returns them: W3C format with a time zone. */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
