import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { routeGroup } from "./plugin.js";

const testApp = await createTestApp({ env: { METRICS_TOKEN: "metrics-token-for-tests" } });
const { app } = testApp;

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
      /http_request_duration_seconds_count\{method="GET",group="home",status="200"\} [1-9]/,
    );
  });

  it("/metrics shows what an operator watches: outbox backlog and failures, jobs, the pool", async () => {
    await testApp.database.query(
      `insert into outbox_messages (id, to_address, subject, text_body, status)
       values (gen_random_uuid(), 'a@example.tn', 's', 'b', 'failed'), (gen_random_uuid(), 'b@example.tn', 's', 'b', 'pending')`,
    );
    const body = (
      await app.inject({ url: "/metrics", headers: { authorization: "Bearer metrics-token-for-tests" } })
    ).body;
    expect(body).toMatch(/sharek_outbox_messages\{status="failed"\} [1-9]/);
    expect(body).toMatch(/sharek_outbox_messages\{status="pending"\} [1-9]/);
    expect(body).toContain("# TYPE sharek_jobs gauge");
    if (testApp.database.kind === "postgres")
      expect(body).toMatch(/sharek_db_pool_connections\{state="total"\} \d/);
    // No address or e-mail of anyone appears in the metrics.
    expect(body).not.toContain("example.tn");
  });

  it("groups routes by their first segment", () => {
    expect(routeGroup("/:lang/requests/:id")).toBe("requests");
    expect(routeGroup("/open311/v2/requests.json")).toBe("open311");
    expect(routeGroup("/:lang")).toBe("home");
    expect(routeGroup(undefined)).toBe("unmatched");
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
