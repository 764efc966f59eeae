import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.js";
import { outboxMessages } from "../../../core/mail/tables.js";
import { cases } from "../../cases/tables.js";
import { revokeClient } from "../commands/revoke-client.js";
import type { Format } from "../document.js";
import { open311Submissions } from "../tables.js";
import {
  createService,
  errorsOf,
  FORMATS_UNDER_TEST,
  issueKey,
  parseAnswer,
  postRequest,
  SPEC,
} from "../testing.js";

const { app, database } = await createTestApp();
const db = database.db;
const { serviceCode, category, structure } = await createService(db, "gov-tn-11", "lighting");
const { key, client } = await issueKey(db);
const revoked = await issueKey(db, "Old app");
await revokeClient(db, revoked.client, { actorId: null });

const DESCRIPTION =
  "Le lampadaire devant l’école est éteint depuis une semaine.\nLa rue est très sombre la nuit.";
const valid = (extra: Record<string, string> = {}) => ({
  api_key: key,
  service_code: serviceCode,
  lat: "36.8065",
  long: "10.1815",
  description: DESCRIPTION,
  ...extra,
});
const caseCount = async () => Number((await db.select({ n: count() }).from(cases))[0]!.n);
type Row = Record<string, unknown>;

/** The one entry of a POST's answer: service_requests > request, or the JSON array's one object. */
function createdOf(body: unknown, format: Format): Row {
  const list =
    format === "json"
      ? (body as Row[])
      : (body as { service_requests: { request: Row[] } }).service_requests.request;
  expect(list).toHaveLength(1);
  return list[0]!;
}

async function expectRefused(
  format: Format,
  form: Record<string, string>,
  status: number,
  mention: string | RegExp,
  headers: Record<string, string> = {},
) {
  const before = await caseCount();
  const response = await postRequest(app, format, form, { "accept-language": "en", ...headers });
  expect(response.statusCode, response.body).toBe(status);
  const errors = errorsOf(response, format);
  for (const e of errors) expect(e.code).toBe(status);
  expect(errors.map((e) => e.description).join(" | ")).toMatch(mention);
  expect(await caseCount()).toBe(before);
  return errors;
}

describe.each(FORMATS_UNDER_TEST)("POST requests (%s)", (format) => {
  it("files a notice through the intake and answers with its service_request_id", async () => {
    const email = `citizen-${format}@example.tn`;
    const response = await postRequest(
      app,
      format,
      valid({ email, first_name: "Amira", last_name: "Ben Salah" }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const created = createdOf(parseAnswer(response, format), format);
    expect(Object.keys(created)).toEqual(SPEC.created);
    expect(created.service_request_id).toMatch(/^EC-\d{4}-\d{6}$/);
    expect(created).not.toHaveProperty("token");
    expect(created.service_notice).toContain("ولاية تونس");

    const [stored] = await db
      .select()
      .from(cases)
      .where(eq(cases.reference, String(created.service_request_id)));
    expect(stored).toMatchObject({
      type: "notice",
      status: "new",
      structureId: structure.id,
      categoryId: category.id,
      subject: "Le lampadaire devant l’école est éteint depuis une semaine.",
      description: DESCRIPTION,
      latitude: 36.8065,
      longitude: 10.1815,
      governorateCode: "TN-11",
      contactEmail: email,
      contactName: "Amira Ben Salah",
      anonymous: false,
    });
    // The application that filed it is on record.
    const [submission] = await db
      .select()
      .from(open311Submissions)
      .where(eq(open311Submissions.caseId, stored!.id));
    expect(submission?.clientId).toBe(client.id);
    // The person gets the acknowledgement with the follow-up link, in the language asked (Arabic).
    const mails = await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toContain(`/ar/requests/follow/`);

    // And anyone can now read it back.
    const back = await app.inject(`/open311/v2/requests/${created.service_request_id}.${format}`);
    expect(back.statusCode).toBe(200);
    expect(back.body).not.toContain(email);
  });

  it("accepts an address_string instead of coordinates, and a phone instead of an email", async () => {
    const response = await postRequest(
      app,
      format,
      valid({ lat: "", long: "", address_string: "12 rue de Marseille, Tunis", phone: "20 123 456" }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const id = String(createdOf(parseAnswer(response, format), format).service_request_id);
    const [stored] = await db.select().from(cases).where(eq(cases.reference, id));
    expect(stored).toMatchObject({
      address: "12 rue de Marseille, Tunis",
      latitude: null,
      contactPhone: "+21620123456",
    });
  });

  it("files without any contact as an anonymous notice", async () => {
    const response = await postRequest(app, format, valid({ first_name: "Nobody" }));
    expect(response.statusCode).toBe(200);
    const id = String(createdOf(parseAnswer(response, format), format).service_request_id);
    const [stored] = await db.select().from(cases).where(eq(cases.reference, id));
    expect(stored).toMatchObject({
      anonymous: true,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
    });
  });

  it("takes the api_key from the query string too, and needs no CSRF token or cookie", async () => {
    const { api_key, ...rest } = valid();
    const response = await app.inject({
      method: "POST",
      url: `/open311/v2/requests.${format}?api_key=${encodeURIComponent(api_key)}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(rest).toString(),
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it("answers in the language asked", async () => {
    const response = await postRequest(app, format, valid(), { "accept-language": "fr" });
    expect(createdOf(parseAnswer(response, format), format).service_notice).toContain("a reçu la requête");
  });

  it("403 without an api_key, with an unknown one, and with a revoked one", async () => {
    const { api_key: _, ...withoutKey } = valid();
    await expectRefused(format, withoutKey, 403, /api_key is missing/);
    await expectRefused(format, valid({ api_key: "" }), 403, /api_key is missing/);
    await expectRefused(format, valid({ api_key: "sharek311_not-a-key" }), 403, /api_key is invalid/);
    await expectRefused(format, valid({ api_key: revoked.key }), 403, /revoked/);
  });

  it("400 without a service_code; 404 with an unknown one", async () => {
    await expectRefused(format, valid({ service_code: "" }), 400, /service_code was not provided/);
    await expectRefused(
      format,
      valid({ service_code: "gov-tn-11.nothing" }),
      404,
      /service_code gov-tn-11.nothing/,
    );
    await expectRefused(format, valid({ service_code: "<script>" }), 404, /service_code <script>/);
  });

  it("400 without a location, or with only an address_id (there is no address repository)", async () => {
    await expectRefused(format, valid({ lat: "", long: "" }), 400, /A location is required/);
    await expectRefused(format, valid({ lat: "", long: "", address_id: "545483" }), 400, /address_id/);
  });

  it("400 for invalid coordinates: not numbers, out of range, or only one of them", async () => {
    for (const coordinates of [
      { lat: "north", long: "10.1" },
      { lat: "91", long: "10.1" },
      { lat: "36.8", long: "-181" },
      { lat: "36.8", long: "" },
      { lat: "", long: "10.1" },
    ])
      await expectRefused(format, valid(coordinates), 400, /^lat, long: /);
  });

  it("400 for a missing, too short or too long description (the spec's 4,000 characters), a 100 KB one included", async () => {
    await expectRefused(format, valid({ description: "" }), 400, /^description: /);
    await expectRefused(format, valid({ description: "Too short" }), 400, /^description: /);
    await expectRefused(format, valid({ description: "x".repeat(4001) }), 400, /at most 4,000 characters/);
    await expectRefused(
      format,
      valid({ description: "x".repeat(100 * 1024) }),
      400,
      /at most 4,000 characters/,
    );
    // Past the form size this server reads at all (256 KB), the answer still says what to do.
    await expectRefused(
      format,
      valid({ description: "é".repeat(100 * 1024) }),
      400,
      /too large.*4,000 characters/,
    );
  });

  it("400 for an invalid email or phone, or a name too long", async () => {
    await expectRefused(format, valid({ email: "not an address" }), 400, /^email: /);
    await expectRefused(format, valid({ phone: "12" }), 400, /^phone: /);
    await expectRefused(
      format,
      valid({ email: "a@b.tn", first_name: "n".repeat(100), last_name: "m".repeat(100) }),
      400,
      /^first_name, last_name: /,
    );
  });

  it("lists every problem at once", async () => {
    const errors = await expectRefused(
      format,
      valid({ lat: "", long: "", description: "", email: "nope" }),
      400,
      /location/,
    );
    expect(errors).toHaveLength(1);
    const several = await expectRefused(
      format,
      valid({ lat: "999", description: "", email: "nope" }),
      400,
      /email/,
    );
    expect(several.map((e) => e.description.split(":")[0]).sort()).toEqual([
      "description",
      "email",
      "lat, long",
    ]);
  });

  it("404 for another jurisdiction_id", async () => {
    await expectRefused(format, valid({ jurisdiction_id: "other-city.gov" }), 404, /jurisdiction_id/);
  });

  it("an Idempotency-Key makes a retried POST find the first request; without one, two POSTs file two", async () => {
    const before = await caseCount();
    const headers = { "idempotency-key": `retry-${format}-1` };
    const first = await postRequest(app, format, valid(), headers);
    const again = await postRequest(app, format, valid(), headers);
    const id = (r: typeof first) => createdOf(parseAnswer(r, format), format).service_request_id;
    expect(id(again)).toBe(id(first));
    expect(await caseCount()).toBe(before + 1);
    // Another application's key with the same value is another request.
    const other = await issueKey(db, "Other app");
    const theirs = await postRequest(app, format, valid({ api_key: other.key }), headers);
    expect(id(theirs)).not.toBe(id(first));
    await postRequest(app, format, valid());
    await postRequest(app, format, valid());
    expect(await caseCount()).toBe(before + 4);
  });
});

describe("POST requests: malformed input", () => {
  it("an unsupported format is a 400 in XML, and files nothing even with a valid key", async () => {
    const before = await caseCount();
    const response = await postRequest(app, "html", valid());
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response, "xml")[0]?.description).toContain("html");
    expect(await caseCount()).toBe(before);
  });

  it("a body that is not a form, or broken JSON, is a 400 in the spec's format, never a page or a 500", async () => {
    for (const [type, payload] of [
      ["text/plain", "api_key=x"],
      ["application/json", "{not json"],
      ["application/xml", "<request/>"],
    ]) {
      const response = await app.inject({
        method: "POST",
        url: "/open311/v2/requests.json",
        headers: { "content-type": type! },
        payload,
      });
      expect(response.statusCode, type).toBe(400);
      expect(errorsOf(response, "json")[0]?.code).toBe(400);
    }
  });

  it("a form with attribute[…] and the parameters this server ignores is accepted", async () => {
    const response = await postRequest(
      app,
      "json",
      valid({
        device_id: "tt222111",
        account_id: "123456",
        media_url: "http://example.org/photo.jpg",
        "attribute[WHISPAWN]": "123456",
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe("POST requests: rate limit per key", () => {
  it("refuses a key's 121st POST of the minute with 429 and Retry-After, in the spec's format; other keys go on", async () => {
    const busy = await issueKey(db, "Busy app");
    const form = { api_key: busy.key, service_code: "" };
    // Malformed forms (a parameter repeated too often) count too.
    const malformed = `api_key=${busy.key}&${Array.from({ length: 25 }, () => "lat=1").join("&")}`;
    for (let i = 0; i < 120; i += 1) {
      const response =
        i % 2 === 0
          ? await postRequest(app, "json", form)
          : await app.inject({
              method: "POST",
              url: "/open311/v2/requests.json",
              headers: { "content-type": "application/x-www-form-urlencoded" },
              payload: malformed,
            });
      expect(response.statusCode).toBe(400);
    }
    const limited = await postRequest(app, "json", form);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(errorsOf(limited, "json")[0]?.code).toBe(429);
    const calm = await postRequest(app, "xml", valid());
    expect(calm.statusCode).toBe(200);
  });
});
