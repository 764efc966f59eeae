import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.js";
import { createService, issueKey } from "../testing.js";

const { app, database } = await createTestApp();
const { serviceCode } = await createService(database.db);
const { key } = await issueKey(database.db);

const ODD = [
  "%00",
  "..%2F..%2Fetc%2Fpasswd",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%20or%201%3D1%20--",
  "%F0%9F%98%80",
  "x".repeat(5000),
  "%E2%80%AE",
];

describe("Open311: bad input never gets a page or a 500", () => {
  it("odd text in every path and parameter gets the spec's error or an answer, in XML or JSON", async () => {
    const urls = ODD.flatMap((odd) => [
      `/open311/v2/services/${odd}.json`,
      `/open311/v2/requests/${odd}.xml`,
      `/open311/v2/tokens/${odd}.json`,
      `/open311/v2/services.${odd}`,
      `/open311/v2/${odd}`,
      `/open311/v2/requests.json?start_date=${odd}&end_date=${odd}&status=${odd}&service_code=${odd}`,
      `/open311/v2/requests.xml?service_request_id=${odd}&jurisdiction_id=${odd}&locale=${odd}`,
      `/open311/v2/services.json?status=${odd}&status=${odd}`,
    ]);
    for (const url of urls) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toMatch(/<html/i);
      expect(response.headers["content-type"], url).toMatch(/^(text\/xml|application\/json); charset=utf-8$/);
    }
  });

  it("odd values in every POST parameter are refused or filed, never a 500", async () => {
    const fields = [
      "service_code",
      "lat",
      "long",
      "address_string",
      "address_id",
      "email",
      "phone",
      "first_name",
      "description",
      "jurisdiction_id",
    ];
    for (const odd of ODD.map(decodeURIComponentSafe)) {
      for (const field of fields) {
        const form = {
          api_key: key,
          service_code: serviceCode,
          address_string: "Rue de Rome, Tunis",
          description: "Un arbre est tombé sur la chaussée et bloque la rue.",
          [field]: odd,
        };
        const response = await app.inject({
          method: "POST",
          url: "/open311/v2/requests.json",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams(form).toString(),
        });
        expect(response.statusCode, `${field}=${odd}`).toBeLessThan(500);
        expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
        JSON.parse(response.body);
      }
    }
  });

  it("a malformed percent-encoding in the path is refused by the router with 400, never a page or a 500", async () => {
    // The router answers before any route (so before the API's handlers): see docs/open311.md.
    for (const url of [
      "/open311/v2/services/%FF%FE.json",
      "/open311/v2/requests/%C0%AF.xml",
      "/open311/v2/%FF",
    ]) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.body, url).not.toMatch(/<html/i);
    }
    // In a parameter's value it is the API's own 400 or answer.
    const query = await app.inject("/open311/v2/requests.xml?status=%FF%FE");
    expect(query.statusCode).toBeLessThan(500);
    expect(query.headers["content-type"]).toBe("text/xml; charset=utf-8");
  });

  it("too many repeated parameters, or a parameter that is an object, is a 400", async () => {
    const many = Array.from({ length: 30 }, () => "status=open").join("&");
    const response = await app.inject(`/open311/v2/requests.json?${many}`);
    expect(response.statusCode).toBe(400);
    const posted = await app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ api_key: key, service_code: { $ne: null } }),
    });
    expect(posted.statusCode).toBe(400);
  });
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
