import { validate } from "@readme/openapi-parser";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { datasetsOf } from "../../core/features/registry.js";
import { FEATURES } from "../index.js";

const DATASETS = datasetsOf(FEATURES);

const { app } = await createTestApp();

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe("the OpenAPI description at /api/docs", () => {
  it("is a valid OpenAPI 3.1 document covering every collection", async () => {
    const answer = await app.inject("/api/docs");
    expect(answer.statusCode).toBe(200);
    const doc = answer.json() as OpenApi;
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(Object.keys(doc.paths).sort()).toEqual(DATASETS.map((d) => `/api/v1${d.apiPath}`).sort());
  });

  it("documents what each route answers: every path answers 200 with a body its schema accepts", async () => {
    const doc = (await app.inject("/api/docs")).json() as OpenApi;
    const ajv = new Ajv({ strict: false });
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const answer = await app.inject({ method: method.toUpperCase() as "GET", url: `${path}?limit=3` });
        expect(answer.statusCode, path).toBe(200);
        const schema = operation.responses["200"]?.content?.["application/json"]?.schema;
        expect(schema, path).toBeDefined();
        const check = ajv.compile(schema!);
        expect(check(answer.json()) ? [] : check.errors, path).toEqual([]);
        // And a documented error: a page size over the maximum.
        const refused = await app.inject({ url: `${path}?limit=100000` });
        expect(refused.statusCode, path).toBe(400);
        const errorCheck = ajv.compile(operation.responses["400"]!.content!["application/json"]!.schema);
        expect(errorCheck(refused.json()) ? [] : errorCheck.errors, path).toEqual([]);
      }
    }
  });
});
