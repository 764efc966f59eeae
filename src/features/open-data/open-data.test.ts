import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { insertCase } from "../cases/workspace/testing.js";
import { issueKey } from "../open311/testing.js";
import { API_QUOTA } from "./routes/api.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

// Twelve complaints at the Governorate of Tunis this month (published), three at Ariana (suppressed).
for (let i = 0; i < 12; i++) {
  await insertCase(db, { structure: "gov-tn-11", type: "complaint", satisfaction: (i % 5) + 1 });
}
for (let i = 0; i < 3; i++) await insertCase(db, { structure: "gov-tn-12", type: "complaint" });
// Two taken by phone: a cell of their own.
for (let i = 0; i < 2; i++)
  await insertCase(db, { structure: "gov-tn-12", type: "complaint", channel: "phone" });

const [{ n: structureCount }] = (await database.query<{ n: number }>(
  "select count(*)::int as n from structures",
)) as [{ n: number }];

roleMatrix("open data", testApp, [
  { method: "GET", url: "/fr/open-data", expect: { otherwise: 200 } },
  { method: "GET", url: "/open-data/structures.csv", expect: { otherwise: 200 } },
  { method: "GET", url: "/open-data/request-statistics.json", expect: { otherwise: 200 } },
  { method: "GET", url: "/open-data/catalog.jsonld", expect: { otherwise: 200 } },
  { method: "GET", url: "/open-data/catalog.ttl", expect: { otherwise: 200 } },
  { method: "GET", url: "/api/v1/structures", expect: { otherwise: 200 } },
  { method: "GET", url: "/api/v1/statistics/requests", expect: { otherwise: 200 } },
  { method: "GET", url: "/api/docs", expect: { otherwise: 200 } },
]);

describe("the open-data catalogue page", () => {
  it("lists every dataset with its licence, frequency, formats, last change and size, in three languages", async () => {
    const fr = await new Agent(app).get("/fr/open-data");
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain("Structures publiques");
    expect(fr.body).toContain("Comment les structures répondent aux requêtes");
    expect(fr.body).toContain("https://creativecommons.org/licenses/by/4.0/");
    expect(fr.body).toContain('href="/open-data/structures.csv"');
    expect(fr.body).toContain('href="/open-data/request-statistics.json"');
    expect(fr.body).toMatch(
      new RegExp(`${structureCount.toLocaleString("fr-TN").replace(/\s/g, "\\s")} lignes`),
    );
    expect((await new Agent(app).get("/ar/open-data")).body).toContain("الهياكل العمومية");
    expect((await new Agent(app).get("/en/open-data")).body).toContain("How structures answer requests");
  });
});

describe("downloads", () => {
  it("stream RFC 4180 CSV in UTF-8 with every row of the dataset", async () => {
    const answer = await app.inject("/open-data/structures.csv");
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(answer.headers["content-disposition"]).toBe('attachment; filename="sharek-structures.csv"');
    expect(answer.body.startsWith("\uFEFFcode,kind,parent_code,")).toBe(true);
    expect(answer.body).toContain("\r\n");
    const rows = parse(answer.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(structureCount);
    const tunis = rows.find((r) => r.code === "gov-tn-11");
    expect(tunis?.name_ar).toContain("تونس");
  });

  it("publish request statistics by structure, type, channel and month, suppressing cells under 10 requests", async () => {
    const answer = await app.inject("/open-data/request-statistics.json");
    expect(answer.statusCode).toBe(200);
    const rows = answer.json() as Array<Record<string, unknown>>;
    const month = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Africa/Tunis",
      year: "numeric",
      month: "2-digit",
    })
      .format(new Date())
      .slice(0, 7);
    expect(rows).toContainEqual(
      expect.objectContaining({
        structure_code: "gov-tn-11",
        type: "complaint",
        channel: "web",
        month,
        received: 12,
        mean_satisfaction: 2.75, // (1+2+3+4+5)×2 + 1+2 = 33, over 12
        suppressed: false,
      }),
    );
    expect(rows).toContainEqual({
      structure_code: "gov-tn-12",
      type: "complaint",
      channel: "web",
      month,
      received: null,
      answered: null,
      median_first_response_hours: null,
      share_answered_in_time: null,
      mean_satisfaction: null,
      suppressed: true,
    });
    expect(rows).toContainEqual(
      expect.objectContaining({ structure_code: "gov-tn-12", channel: "phone", suppressed: true }),
    );
    expect(rows.filter((r) => r.structure_code === "gov-tn-12")).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/Éclairage|lampadaires|subject|description/);
  });

  it("answer 404 for a dataset that does not exist", async () => {
    expect((await app.inject("/open-data/accounts.csv")).statusCode).toBe(404);
    expect((await app.inject("/open-data/structures.xlsx")).statusCode).toBe(404);
  });
});

describe("the REST API", () => {
  it("pages through a collection with cursors, and the pages add up to the download", async () => {
    const codes: string[] = [];
    let url: string | null = "/api/v1/structures?limit=40";
    let pages = 0;
    while (url) {
      const answer = await app.inject(url);
      expect(answer.statusCode).toBe(200);
      const body = answer.json() as { data: Array<{ code: string }>; next: string | null };
      codes.push(...body.data.map((r) => r.code));
      url = body.next ? body.next.replace(app.config.publicUrl, "") : null;
      pages++;
    }
    expect(pages).toBe(Math.ceil(structureCount / 40));
    expect(codes).toHaveLength(structureCount);
    expect(new Set(codes).size).toBe(structureCount);
    expect([...codes].sort()).toEqual(codes);
  });

  it("answers 304 to a matching ETag and allows reading from any origin", async () => {
    const first = await app.inject("/api/v1/structures?limit=5");
    expect(first.headers["access-control-allow-origin"]).toBe("*");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.inject({ url: "/api/v1/structures?limit=5", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/api/v1/structures",
      headers: { origin: "https://example.org", "access-control-request-method": "GET" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET");
  });

  it("refuses a forged cursor or an oversize page with a clear 400 in JSON", async () => {
    for (const url of [
      "/api/v1/structures?cursor=not-a-cursor",
      "/api/v1/structures?limit=5000",
      "/api/v1/structures?limit=abc",
    ]) {
      const answer = await app.inject({ url, headers: { "accept-language": "en" } });
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json().error.code).toBe("bad_request");
    }
  });

  it("answers a clear 400, never a 500, to cursors with an impossible date, a malformed id or the wrong shape", async () => {
    const cursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");
    const id = "0b6c5f3e-8a8f-4a57-9d3b-2f0b8e3c1a11";
    const at = "2026-03-01 10:00:00.123456+00";
    const forged: Array<[string, unknown]> = [
      ["/ideas", ["2026-13-45 10:00:00+00", id]],
      ["/ideas", ["2026-02-30 10:00:00+00", id]],
      ["/ideas", ["yesterday", id]],
      ["/ideas", [at, "not-a-uuid"]],
      ["/ideas", [at, 42]],
      ["/ideas", [at]],
      ["/consultations", ["2026-03-01 25:00:00+00", id]],
      ["/sections", [at, `${id}x`]],
      ["/questionnaire-results", [{}, id]],
      ["/outcomes", [at, null]],
      ["/comments", ["2026-03-01 10:00:00+99", id, "2026-03-01"]],
      ["/opinion-maps", ["not-a-uuid"]],
      ["/structures", ["\u0000"]],
      ["/statistics/requests", [["gov-tn-11"]]],
      ["/structures", { code: "gov-tn-11" }],
    ];
    for (const [path, position] of forged) {
      const url = `/api/v1${path}?cursor=${cursor(position)}`;
      const answer = await app.inject({ url, headers: { "accept-language": "fr" } });
      expect(answer.statusCode, `${path} ${JSON.stringify(position)}`).toBe(400);
      expect(answer.json().error).toMatchObject({
        code: "bad_request",
        message: "Requête invalide",
        details: { problem: "cursor" },
      });
    }
  });

  it("limits each address, and gives client applications with a key a higher quota", async () => {
    const from = { remoteAddress: "203.0.113.77" };
    for (let i = 0; i < API_QUOTA.anonymous; i++) {
      expect((await app.inject({ url: "/api/v1/structures?limit=1", ...from })).statusCode).toBe(200);
    }
    const limited = await app.inject({ url: "/api/v1/structures?limit=1", ...from });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();
    const { key } = await issueKey(db, "Observatoire citoyen");
    const keyed = await app.inject({
      url: "/api/v1/structures?limit=1",
      headers: { "x-api-key": key },
      ...from,
    });
    expect(keyed.statusCode).toBe(200);
  });
});
