import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";

const { app } = await createTestApp({ env: { METRICS_TOKEN: "metrics-token-for-tests" } });

describe("operations endpoints", () => {
  it("/healthz answers while the process lives", async () => {
    const response = await app.inject("/healthz");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("/readyz checks the database and its migrations", async () => {
    const response = await app.inject("/readyz");
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("ready");
  });

  it("/metrics needs the bearer token", async () => {
    expect((await app.inject("/metrics")).statusCode).toBe(404);
    expect(
      (await app.inject({ url: "/metrics", headers: { authorization: "Bearer wrong" } })).statusCode,
    ).toBe(404);
    await app.inject("/fr");
    const response = await app.inject({
      url: "/metrics",
      headers: { authorization: "Bearer metrics-token-for-tests" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/:lang\/?",status="200"\} [1-9]/,
    );
  });
});

describe("without a metrics token", async () => {
  const bare = await createTestApp();
  it("/metrics does not exist", async () => {
    expect(
      (await bare.app.inject({ url: "/metrics", headers: { authorization: "Bearer " } })).statusCode,
    ).toBe(404);
  });
});
