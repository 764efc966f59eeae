import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import rdf from "@zazuko/env-node";
import SHACLValidator from "rdf-validate-shacl";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";

/**
 * The catalogue validates against the official DCAT-AP 3.0 SHACL shapes (shapes.ttl + range.ttl,
 * the mandatory ones, and shapes_recommended.ttl, whose results are warnings; SEMIC's DCAT-AP 3.0.0
 * release, copied unchanged into test/fixtures/dcat-ap-3.0), in both serialisations, with zero
 * results of either severity.
 */
const { app } = await createTestApp();
const REFERENCE = new URL("../../../test/fixtures/dcat-ap-3.0/", import.meta.url);

async function parse(text: string, mediaType: string) {
  const quads = rdf.formats.parsers.import(mediaType, Readable.from([text]), {
    baseIRI: app.config.publicUrl,
  });
  if (!quads) throw new Error(`no parser for ${mediaType}`);
  return rdf.dataset().import(quads);
}

const shapes = rdf.dataset();
for (const file of ["shapes.ttl", "range.ttl", "shapes_recommended.ttl"]) {
  shapes.addAll(await parse(readFileSync(new URL(file, REFERENCE), "utf8"), "text/turtle"));
}

async function violations(text: string, mediaType: string) {
  const data = await parse(text, mediaType);
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data);
  return {
    size: data.size,
    results: report.results.map(
      (r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join(" ")}`,
    ),
  };
}

describe("the DCAT-AP 3.0 catalogue", () => {
  it("validates against the official shapes in Turtle, the recommended ones included", async () => {
    const answer = await app.inject("/open-data/catalog.ttl");
    expect(answer.headers["content-type"]).toMatch(/^text\/turtle/);
    const { size, results } = await violations(answer.body, "text/turtle");
    expect(size).toBeGreaterThan(50);
    expect(results).toEqual([]);
  });

  it("validates in JSON-LD too, and says the same as the Turtle", async () => {
    const jsonld = await app.inject("/open-data/catalog.jsonld");
    expect(jsonld.headers["content-type"]).toMatch(/^application\/ld\+json/);
    const { size, results } = await violations(jsonld.body, "application/ld+json");
    expect(results).toEqual([]);
    const turtle = await parse((await app.inject("/open-data/catalog.ttl")).body, "text/turtle");
    expect(size).toBe(turtle.size);
  });

  it("describes every dataset with its distributions, licence and the API serving it", async () => {
    const body = (await app.inject("/open-data/catalog.ttl")).body;
    for (const id of ["structures", "request-statistics"]) {
      expect(body).toContain(`<${app.config.publicUrl}/open-data/${id}.csv>`);
      expect(body).toContain(`<${app.config.publicUrl}/open-data/${id}.json>`);
    }
    expect(body).toContain("dcat:DataService");
    expect(body).toContain("<https://creativecommons.org/licenses/by/4.0/>");
  });
});
