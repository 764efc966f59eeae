import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.js";
import { cases } from "../../cases/tables.js";
import type { Format } from "../document.js";
import {
  createService,
  errorsOf,
  FORMATS_UNDER_TEST,
  insertRequest,
  parseAnswer,
  SPEC,
  W3C_DATETIME,
} from "../testing.js";

const { app, database } = await createTestApp();
const db = database.db;
const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

const lighting = await createService(db, "gov-tn-11", "lighting");
const roads = await createService(db, "gov-tn-12", "roads");
const at = { structureId: lighting.structure.id, categoryId: lighting.category.id };

const notice = await insertRequest(db, {
  ...at,
  description: "Le lampadaire devant l’école est éteint.\nDepuis une semaine.",
  address: "Rue de Marseille, Tunis",
  latitude: 36.8,
  longitude: 10.18,
  dueAt: new Date(Date.now() + 10 * DAY),
});
const suggestion = await insertRequest(db, { ...at, type: "suggestion", status: "in_progress" });
const awaiting = await insertRequest(db, { ...at, status: "awaiting_citizen" });
const answered = await insertRequest(db, { ...at, status: "answered", answeredAt: daysAgo(1) });
const closedAt = new Date(Math.floor(daysAgo(2).getTime() / 1000) * 1000);
const duplicate = await insertRequest(db, { ...at, status: "closed", outcome: "duplicate", closedAt });
const onRoads = await insertRequest(db, {
  structureId: roads.structure.id,
  categoryId: roads.category.id,
  description: "Nid-de-poule dangereux sur l’avenue principale.",
});
const uncategorised = await insertRequest(db, { structureId: lighting.structure.id });
const old = await insertRequest(db, { ...at, createdAt: daysAgo(100) });
const complaint = await insertRequest(db, { ...at, type: "complaint" });
const guidance = await insertRequest(db, { ...at, type: "guidance" });
const information = await insertRequest(db, { ...at, type: "information" });
const PRIVATE = [complaint, guidance, information];

const get = (url: string) => app.inject({ method: "GET", url });
type Row = Record<string, unknown>;

function requestsOf(body: unknown, format: Format): Row[] {
  if (format === "json") {
    expect(Array.isArray(body)).toBe(true);
    return body as Row[];
  }
  const root = (body as { service_requests: Row | string }).service_requests;
  return root === "" ? [] : ((root as Row).request as Row[]);
}

async function list(format: Format, query = "") {
  const response = await get(`/open311/v2/requests.${format}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return requestsOf(parseAnswer(response, format), format);
}
const ids = (rows: Row[]) => rows.map((r) => r.service_request_id);

describe.each(FORMATS_UNDER_TEST)("GET requests (%s)", (format) => {
  it("lists public requests of the last 90 days with the spec's fields, in its order, and types", async () => {
    const rows = await list(format);
    expect(ids(rows)).toEqual(
      expect.arrayContaining(
        [notice, suggestion, awaiting, answered, duplicate, onRoads, uncategorised].map((c) => c.reference),
      ),
    );
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(SPEC.request);
      expect(["open", "closed"]).toContain(row.status);
      for (const [field, value] of Object.entries(row)) {
        // JSON: coordinates are numbers, everything else text; XML carries text only.
        const types =
          format === "xml"
            ? ["string"]
            : field === "lat" || field === "long"
              ? ["number", "object"]
              : ["string", "object"];
        expect(types, field).toContain(typeof value);
        if (typeof value === "object") expect(value, field).toBeNull();
      }
      expect(row.requested_datetime).toMatch(W3C_DATETIME);
      expect(row.updated_datetime).toMatch(W3C_DATETIME);
    }
    const mine = rows.find((r) => r.service_request_id === notice.reference)!;
    expect(mine.service_code).toBe(lighting.serviceCode);
    expect(mine.service_name).toBe("إنارة lighting");
    expect(mine.agency_responsible).toBe("ولاية تونس");
    expect(mine.address).toBe("Rue de Marseille, Tunis");
    expect(mine.description).toBe("Le lampadaire devant l’école est éteint.\nDepuis une semaine.");
    expect(mine.expected_datetime).toMatch(W3C_DATETIME);
    if (format === "json") {
      expect(mine.lat).toBe(36.8);
      expect(mine.long).toBe(10.18);
      expect(mine.address_id).toBeNull();
    } else {
      expect(Number(mine.lat)).toBe(36.8);
      expect(mine.address_id).toBe("");
    }
    const withoutCategory = rows.find((r) => r.service_request_id === uncategorised.reference)!;
    expect(withoutCategory.service_code).toBe(format === "json" ? null : "");
  });

  it("never lists complaints, guidance or information requests, nor anyone's contact details", async () => {
    const response = await get(`/open311/v2/requests.${format}`);
    for (const c of PRIVATE) expect(response.body).not.toContain(c.reference);
    for (const secret of ["Secret-Name", "amira.secret@example.tn", "20123456", "hash-"])
      expect(response.body).not.toContain(secret);
  });

  it("maps Sharek's statuses to open and closed, with notes of our own", async () => {
    const rows = await list(format);
    const status = (c: { reference: string }) => rows.find((r) => r.service_request_id === c.reference)!;
    for (const c of [notice, suggestion, awaiting]) expect(status(c).status).toBe("open");
    for (const c of [answered, duplicate]) expect(status(c).status).toBe("closed");
    expect(status(duplicate).status_notes).toBe("مغلق: مكرّر لمطلب آخر.");
    expect(status(duplicate).updated_datetime).toBe(closedAt.toISOString().replace(".000Z", "Z"));
    expect(status(duplicate).expected_datetime).toBe(format === "json" ? null : "");
  });

  it("filters by status, one or several (comma delimited or repeated)", async () => {
    const open = ids(await list(format, "?status=open"));
    expect(open).toContain(notice.reference);
    expect(open).not.toContain(duplicate.reference);
    const closed = ids(await list(format, "?status=closed"));
    expect(closed).toEqual(expect.arrayContaining([answered.reference, duplicate.reference]));
    expect(closed).not.toContain(awaiting.reference);
    const both = ids(await list(format, "?status=open,closed"));
    expect(both).toEqual(expect.arrayContaining([notice.reference, duplicate.reference]));
    expect(ids(await list(format, "?status=open&status=closed"))).toEqual(both);
    expect(ids(await list(format, "?status="))).toEqual(both);
  });

  it("filters by service_code, one or several", async () => {
    const one = ids(await list(format, `?service_code=${roads.serviceCode}`));
    expect(one).toEqual([onRoads.reference]);
    const two = ids(await list(format, `?service_code=${roads.serviceCode},${lighting.serviceCode}`));
    expect(two).toEqual(expect.arrayContaining([onRoads.reference, notice.reference]));
    expect(two).not.toContain(uncategorised.reference);
    expect(await list(format, "?service_code=gov-tn-11.unknown")).toEqual([]);
  });

  it("searches 90 days by default; start_date and end_date choose another window", async () => {
    expect(ids(await list(format))).not.toContain(old.reference);
    const start = daysAgo(101).toISOString();
    const end = daysAgo(99).toISOString();
    expect(ids(await list(format, `?start_date=${start}&end_date=${end}`))).toEqual([old.reference]);
    // start_date alone: the 90 days from it.
    expect(ids(await list(format, `?start_date=${start}`))).toContain(old.reference);
    expect(ids(await list(format, `?start_date=${start}`))).not.toContain(notice.reference);
    // end_date alone: the 90 days before it; offsets are understood.
    const endPlus = encodeURIComponent(daysAgo(95).toISOString().replace("Z", "+00:00"));
    expect(ids(await list(format, `?end_date=${endPlus}`))).toEqual([old.reference]);
  });

  it("service_request_id overrides every other argument, and leaves out unknown and private ids", async () => {
    const wanted = [notice, old, duplicate, complaint].map((c) => c.reference);
    const rows = await list(
      format,
      `?service_request_id=${wanted.join(",")},EC-2026-999999,nonsense&status=closed&start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00Z`,
    );
    expect(ids(rows).sort()).toEqual([notice.reference, old.reference, duplicate.reference].sort());
    const repeated = await list(
      format,
      `?service_request_id=${notice.reference}&service_request_id=${old.reference}`,
    );
    expect(ids(repeated).sort()).toEqual([notice.reference, old.reference].sort());
  });

  it("refuses bad dates, reversed or too wide windows and unknown statuses with 400, listing each problem", async () => {
    for (const query of [
      "?start_date=2026-01-01",
      "?start_date=yesterday",
      "?end_date=2026-01-01T00:00:00",
      "?end_date=2026-02-30T00:00:00Z",
      "?start_date=2026-01-01T25:00:00Z",
      "?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z",
      "?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z",
      "?status=pending",
    ]) {
      const response = await get(`/open311/v2/requests.${format}${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorsOf(response, format)[0]?.code).toBe(400);
    }
    const both = await get(`/open311/v2/requests.${format}?status=pending&start_date=soon`);
    expect(errorsOf(both, format)).toHaveLength(2);
  });

  it("a window of exactly 90 days is accepted", async () => {
    await list(format, "?start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z");
  });
});

describe.each(FORMATS_UNDER_TEST)("GET requests/{id} and tokens (%s)", (format) => {
  it("gives one public request, as a list of one with the spec's fields", async () => {
    const response = await get(`/open311/v2/requests/${notice.reference}.${format}`);
    expect(response.statusCode).toBe(200);
    const rows = requestsOf(parseAnswer(response, format), format);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual(SPEC.request);
    expect(rows[0]!.service_request_id).toBe(notice.reference);
  });

  it("answers 404 for unknown, malformed and private requests alike", async () => {
    for (const id of ["EC-2026-999999", "nonsense", "1", ...PRIVATE.map((c) => c.reference)]) {
      const response = await get(`/open311/v2/requests/${id}.${format}`);
      expect(response.statusCode, id).toBe(404);
      const [error] = errorsOf(response, format);
      expect(error?.code).toBe(404);
    }
  });

  it("answers 400 when the id is missing", async () => {
    const response = await get(`/open311/v2/requests/.${format}`);
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response, format)[0]?.code).toBe(400);
  });

  it("tokens: none is ever issued (every service is realtime), so any token is a 404", async () => {
    const response = await get(`/open311/v2/tokens/12345.${format}`);
    expect(response.statusCode).toBe(404);
    expect(errorsOf(response, format)[0]?.description).toContain("12345");
    const missing = await get(`/open311/v2/tokens/.${format}`);
    expect(missing.statusCode).toBe(400);
  });
});

describe("GET requests' volume", () => {
  it("returns the first 1000 requests at most, newest first", async () => {
    const base = daysAgo(200).getTime();
    await db.insert(cases).values(
      Array.from({ length: 1001 }, (_, i) => ({
        reference: `EC-2025-${String(800_000 + i).padStart(6, "0")}`,
        submissionKeyHash: `bulk-${i}`,
        followTokenHash: `bulk-hash-${i}`,
        type: "notice" as const,
        structureId: lighting.structure.id,
        subject: "Lampadaire",
        description: "Lampadaire éteint au coin de la rue.",
        createdAt: new Date(base + i * 60_000),
      })),
    );
    const query = `?start_date=${new Date(base - DAY).toISOString()}&end_date=${new Date(base + 2 * DAY).toISOString()}`;
    const rows = await list("json", query);
    expect(rows).toHaveLength(1000);
    expect(rows[0]!.service_request_id).toBe("EC-2025-801000");
    expect(rows.at(-1)!.service_request_id).toBe("EC-2025-800001");
  });
});
