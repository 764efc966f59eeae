import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";

const { app, database } = await createTestApp();

/** Every GET route's path, read from Fastify's route tree (printRoutes without common prefixes). */
function getRoutes(fastify: FastifyInstance): string[] {
  const paths: string[] = [];
  const stack: string[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split("\n")) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const [, segment = "", methods = ""] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 4)) ?? [];
    stack[depth] = segment;
    stack.length = depth + 1;
    if (methods.split(", ").includes("GET")) paths.push(stack.join(""));
  }
  return paths;
}

/** A route's path with a NUL in every parameter (the language stays a real one). */
const withNul = (path: string) =>
  path
    .replaceAll(":lang", "ar")
    .replace(/:[A-Za-z]+/g, "x%00")
    .replace(/\*$/, "x%00");

const QUERY = ["q", "page", "sort", "status", "type", "structure", "theme", "area", "year", "tab"]
  .map((key) => `${key}=%00`)
  .join("&");

describe("NUL characters in input", () => {
  it("never make a search or filter fail: the consultations, help and structures searches", async () => {
    for (const url of ["/ar/consultations?q=%00", "/ar/help?q=a%00b", "/ar/structures?q=%00tunis"]) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
    }
  });

  it("never answer 500 on any GET route, as a visitor or as a platform admin", async () => {
    const routes = getRoutes(app);
    expect(routes).toContain("/:lang/consultations");
    const admin = (await signedInAgent(app, database, { platformAdmin: true })).agent;
    const failures: string[] = [];
    for (const agent of [new Agent(app), admin]) {
      for (const route of routes) {
        const url = `${withNul(route)}?${QUERY}`;
        const response = await agent.get(url);
        if (response.statusCode >= 500) failures.push(`${response.statusCode} ${url}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("never make the request form fail when a multipart field holds one", async () => {
    const { agent } = await signedInAgent(app, database);
    const page = await agent.get("/en/requests/new?type=complaint&structure=mun-tn-11");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(page.body)![1]!;
    const { payload, contentType } = multipart({
      _csrf: csrf,
      submissionKey,
      type: "complaint",
      structure: "mun-tn-11",
      subject: "Broken\u0000 street lamp",
      description: "The street lamp\u0000 in front of number 12 has been out for two weeks.",
      contactMode: "account",
    });
    const response = await app.inject({
      method: "POST",
      url: "/en/requests",
      headers: { cookie: agent.cookieHeader(), "content-type": contentType },
      payload,
    });
    expect([303, 422]).toContain(response.statusCode);
  });
});
