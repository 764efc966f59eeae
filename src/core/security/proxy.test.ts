import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { loadConfig } from "../../config.js";

// Behind one nginx on the same machine: the peer is 127.0.0.1, and nginx appends the address it saw.
const { app } = await createTestApp({ env: { TRUST_PROXY: "1", RATE_LIMIT_MAX: "3" } });
const { app: listed } = await createTestApp({ env: { TRUST_PROXY: "10.0.0.0/8, ::1", RATE_LIMIT_MAX: "3" } });

describe("client address behind a reverse proxy", () => {
  it("counts a client under the address our proxy saw, whatever it writes to the left of X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await app.inject({
        url: "/ar/help",
        remoteAddress: "127.0.0.1",
        headers: { "x-forwarded-for": `198.51.100.${i}, 203.0.113.7` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Another client behind the same proxy has its own allowance.
    const other = await app.inject({
      url: "/ar/help",
      remoteAddress: "127.0.0.1",
      headers: { "x-forwarded-for": "203.0.113.8" },
    });
    expect(other.statusCode).not.toBe(429);
  });

  it("with a list of proxies, believes X-Forwarded-For only from them", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Straight from the internet (not a listed proxy), forging a new address each time.
      const response = await listed.inject({
        url: "/fr/help",
        remoteAddress: "192.0.2.50",
        headers: { "x-forwarded-for": `198.51.100.${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Through a listed proxy, the client it names is counted apart (forged entries to its left ignored).
    const proxied = await listed.inject({
      url: "/fr/help",
      remoteAddress: "10.1.2.3",
      headers: { "x-forwarded-for": "192.0.2.99, 192.0.2.51" },
    });
    expect(proxied.statusCode).not.toBe(429);
  });

  it("takes X-Request-Id only from a trusted proxy, and only a plain one", async () => {
    const fromProxy = await listed.inject({
      url: "/en",
      remoteAddress: "10.0.0.1",
      headers: { "x-request-id": "nginx-3f2a9c" },
    });
    expect(fromProxy.headers["x-request-id"]).toBe("nginx-3f2a9c");
    const direct = await listed.inject({
      url: "/en",
      remoteAddress: "192.0.2.60",
      headers: { "x-request-id": "chosen-by-the-client" },
    });
    expect(direct.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await listed.inject({
      url: "/en",
      remoteAddress: "10.0.0.1",
      headers: { "x-request-id": 'x" injected {' },
    });
    expect(odd.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("TRUST_PROXY", () => {
  it("reads false, a hop count or a list of addresses and CIDRs", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8, ::1" }).trustProxy).toEqual({
      addresses: ["127.0.0.1", "10.0.0.0/8", "::1"],
    });
  });

  it("refuses true, which let any client choose its address, saying what to write instead", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(
      /TRUST_PROXY.*no longer accepted.*127\.0\.0\.1/s,
    );
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: "nginx" })).toThrow(/TRUST_PROXY/);
  });
});
