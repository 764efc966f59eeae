import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.js";
import { updateSettings } from "../../settings/commands/update-settings.js";
import { structureCategories } from "../../structures/tables.js";
import type { Format } from "../document.js";
import { createService, errorsOf, FORMATS_UNDER_TEST, parseAnswer, SPEC, W3C_DATETIME } from "../testing.js";

const { app, database } = await createTestApp();
const db = database.db;
const lighting = await createService(db, "gov-tn-11", "public-lighting");
const roads = await createService(db, "gov-tn-12", "roads");
const retired = await createService(db, "gov-tn-12", "old-category");
await db
  .update(structureCategories)
  .set({ retiredAt: new Date() })
  .where(eq(structureCategories.id, retired.category.id));
await updateSettings(
  db,
  { contactEmail: "api@sharek.tn", signUpOpen: "yes", reopenWindowDays: "15" },
  { actorId: null },
);

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "GET", url, headers });

type Row = Record<string, unknown>;

/** The list inside a document: the JSON array, or the XML root's repeated element. */
function listOf(body: unknown, format: Format, root: string, item: string): Row[] {
  if (format === "json") {
    expect(Array.isArray(body)).toBe(true);
    return body as Row[];
  }
  const container = (body as Record<string, Row | string>)[root];
  return container === "" ? [] : (((container as Row)[item] as Row[]) ?? []);
}

describe.each(FORMATS_UNDER_TEST)("Open311 discovery and services (%s)", (format) => {
  it("discovery lists the GeoReport v2 endpoint, its formats and how to get a key", async () => {
    const response = await get(`/open311/v2/discovery.${format}`);
    expect(response.statusCode).toBe(200);
    const body = parseAnswer(response, format) as Row;
    const discovery = (format === "json" ? body : body.discovery) as Row;
    expect(Object.keys(discovery)).toEqual(SPEC.discovery);
    for (const field of ["changeset", "contact", "key_service"])
      expect(typeof discovery[field]).toBe("string");
    expect(discovery.changeset).toMatch(W3C_DATETIME);
    expect(discovery.key_service).toContain("api@sharek.tn");
    const endpoints =
      format === "json" ? (discovery.endpoints as Row[]) : ((discovery.endpoints as Row).endpoint as Row[]);
    expect(endpoints).toHaveLength(1);
    const [endpoint] = endpoints as [Row];
    expect(Object.keys(endpoint)).toEqual(SPEC.endpoint);
    expect(endpoint.specification).toBe("http://wiki.open311.org/GeoReport_v2");
    expect(endpoint.url).toMatch(/^https?:\/\/.+\/open311\/v2$/);
    expect(["production", "test"]).toContain(endpoint.type);
    const formats = format === "json" ? endpoint.formats : (endpoint.formats as Row).format;
    expect(formats).toEqual(["text/xml", "application/json"]);
  });

  it("services lists every active category of every active structure, with the spec's fields and types", async () => {
    const response = await get(`/open311/v2/services.${format}`);
    expect(response.statusCode).toBe(200);
    const services = listOf(parseAnswer(response, format), format, "services", "service");
    const codes = services.map((s) => s.service_code);
    expect(codes).toContain(lighting.serviceCode);
    expect(codes).toContain(roads.serviceCode);
    expect(codes).not.toContain(retired.serviceCode);
    for (const service of services) {
      expect(Object.keys(service)).toEqual(SPEC.service);
      expect(service.service_code).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
      expect(service.type).toBe("realtime");
      // JSON keeps the types; XML carries text.
      expect(service.metadata).toBe(format === "json" ? false : "false");
      for (const field of ["service_name", "description", "keywords", "group"])
        expect(typeof service[field]).toBe("string");
    }
  });

  it("names services and groups in Arabic by default, and in the language asked", async () => {
    const byCode = async (headers: Record<string, string>, query = "") => {
      const response = await get(`/open311/v2/services.${format}${query}`, headers);
      const services = listOf(parseAnswer(response, format), format, "services", "service");
      return { response, service: services.find((s) => s.service_code === lighting.serviceCode)! };
    };
    const arabic = await byCode({});
    expect(arabic.service.service_name).toBe("إنارة public-lighting");
    expect(arabic.service.group).toBe("ولاية تونس");
    expect(arabic.response.headers["content-language"]).toBe("ar");
    expect(arabic.response.headers.vary).toContain("Accept-Language");
    const french = await byCode({ "accept-language": "fr-FR,fr;q=0.9" });
    expect(french.service.service_name).toBe("Éclairage public-lighting");
    expect(french.service.group).toContain("Tunis");
    const english = await byCode({ "accept-language": "fr" }, "?locale=en");
    expect(english.service.service_name).toBe("Lighting public-lighting");
    expect(english.service.keywords).toContain("إنارة public-lighting");
  });

  it("a service's definition has its code and no attribute (metadata is false)", async () => {
    const response = await get(`/open311/v2/services/${lighting.serviceCode}.${format}`);
    expect(response.statusCode).toBe(200);
    const body = parseAnswer(response, format) as Row;
    const definition = (format === "json" ? body : body.service_definition) as Row;
    expect(Object.keys(definition)).toEqual(SPEC.definition);
    expect(definition.service_code).toBe(lighting.serviceCode);
    expect(definition.attributes).toEqual(format === "json" ? [] : "");
  });

  it("an unknown, retired or malformed service code is a 404 in the spec's error format", async () => {
    for (const code of [
      "gov-tn-11.nothing",
      retired.serviceCode,
      "no-dot",
      "x.y.z",
      "%3Cscript%3E",
      "' or 1=1 --",
    ]) {
      const response = await get(`/open311/v2/services/${encodeURIComponent(code)}.${format}`);
      expect(response.statusCode, code).toBe(404);
      expect(errorsOf(response, format)).toEqual([{ code: 404, description: expect.any(String) }]);
    }
  });

  it("a service code that is not given is a 400", async () => {
    const response = await get(`/open311/v2/services/.${format}`);
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response, format)[0]?.description).toContain("service_code");
  });

  it("another jurisdiction_id is a 404; ours, or none, is served", async () => {
    const other = await get(`/open311/v2/services.${format}?jurisdiction_id=other-city.gov`);
    expect(other.statusCode).toBe(404);
    expect(errorsOf(other, format)[0]?.description).toContain("jurisdiction_id");
    // Ours is the platform's host without "www." (here the test server's).
    const jurisdiction = new URL(app.config.publicUrl).host;
    const ours = await get(`/open311/v2/services.${format}?jurisdiction_id=${jurisdiction}`);
    expect(ours.statusCode).toBe(200);
    const withWww = await get(
      `/open311/v2/services.${format}?jurisdiction_id=www.${jurisdiction.toUpperCase()}`,
    );
    expect(withWww.statusCode).toBe(200);
    const empty = await get(`/open311/v2/services.${format}?jurisdiction_id=`);
    expect(empty.statusCode).toBe(200);
  });
});

describe("Open311 addresses and formats", () => {
  it("an unsupported format extension is a 400, in XML", async () => {
    for (const url of [
      "/open311/v2/services.csv",
      "/open311/v2/discovery.html",
      `/open311/v2/services/${lighting.serviceCode}.yaml`,
      "/open311/v2/requests.XML",
      "/open311/v2/tokens/123.txt",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      const [error] = errorsOf(response, "xml");
      expect(error?.code).toBe(400);
    }
  });

  it("an unknown address under /open311 is a 404 in the spec's format, never a page", async () => {
    for (const [url, format] of [
      ["/open311/v2/nothing.json", "json"],
      ["/open311/v2/services", "xml"],
      ["/open311/v3/services.xml", "xml"],
      ["/open311/v2/requests/a/b.json", "json"],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(errorsOf(response, format)[0]?.code).toBe(404);
    }
  });

  it("a method the API does not offer is a 404 in the spec's format", async () => {
    for (const method of ["DELETE", "PUT", "POST"] as const) {
      const response = await app.inject({ method, url: "/open311/v2/services.json" });
      expect(response.statusCode, method).toBe(404);
      expect(errorsOf(response, "json")[0]?.code).toBe(404);
    }
  });

  it("errors speak the language asked", async () => {
    const arabic = await get("/open311/v2/services.csv");
    expect(errorsOf(arabic, "xml")[0]?.description).toContain("الصيغة");
    const english = await get("/open311/v2/services.csv", { "accept-language": "en" });
    expect(errorsOf(english, "xml")[0]?.description).toContain("not supported");
  });

  it("services are cacheable for a while; errors are not", async () => {
    expect((await get("/open311/v2/services.json")).headers["cache-control"]).toBe("public, max-age=300");
    expect((await get("/open311/v2/services.csv")).headers["cache-control"]).toBe("no-store");
  });
});
