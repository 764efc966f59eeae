import fastifyRateLimit from "@fastify/rate-limit";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { noStore } from "../../core/security/plugin.js";
import { badRequest, handleOpen311Errors } from "./errors.js";
import { errorsOf } from "./testing.js";

const app = Fastify();
// The decorator the security plugin gives every reply (the errors are answered no-store).
app.decorateReply("noStore", noStore);
await app.register(fastifyRateLimit, { global: false });
await app.register(
  async (api) => {
    handleOpen311Errors(api);
    api.get("/v2/broken.*", async () => {
      throw new Error("database is down");
    });
    api.get("/v2/refused.*", async () => {
      throw badRequest({ key: "dateOrder" }, { key: "statusInvalid", values: { value: "<x>" } });
    });
  },
  { prefix: "/open311" },
);
await app.ready();
afterAll(() => app.close());

describe("Open311 error handling", () => {
  it("answers a failure with the spec's General Service Error (400) and a reference to quote, hiding the cause", async () => {
    const response = await app.inject({
      url: "/open311/v2/broken.json",
      headers: { "accept-language": "en" },
    });
    expect(response.statusCode).toBe(400);
    const [error] = errorsOf(response, "json");
    expect(error?.description).toContain("quoting the reference");
    expect(response.body).not.toContain("database is down");
  });

  it("lists every problem, escaped, in the format of the URL", async () => {
    const response = await app.inject({
      url: "/open311/v2/refused.xml",
      headers: { "accept-language": "en" },
    });
    expect(response.statusCode).toBe(400);
    const errors = errorsOf(response, "xml");
    expect(errors).toHaveLength(2);
    expect(errors[1]?.description).toContain("“<x>”");
  });
});
