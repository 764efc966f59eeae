import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";

const { app, logs } = await createTestApp();

describe("security baseline", () => {
  it("sends a strict CSP with no inline script or style, and the usual hardening headers", async () => {
    const response = await app.inject("/ar");
    const csp = response.headers["content-security-policy"] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("in production, also asks browsers to keep to HTTPS (HSTS) and to upgrade any plain-HTTP address", async () => {
    const { app: production } = await createTestApp({
      env: { NODE_ENV: "production", PUBLIC_URL: "https://sharek.example" },
    });
    for (const path of ["/ar", "/fr/help", "/en/no-such-page"]) {
      const response = await production.inject(path);
      expect(response.headers["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
      expect(response.headers["content-security-policy"], path).toContain("upgrade-insecure-requests");
      expect(response.headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
    // Not in development, where the portal is reached over plain HTTP on a local address.
    expect((await app.inject("/ar")).headers["strict-transport-security"]).toBeUndefined();
  });

  it("renders pages without inline scripts, inline styles or event handlers", async () => {
    const body = (await app.inject("/fr")).body;
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(body).not.toMatch(/\sstyle="/);
    expect(body).not.toMatch(/\son[a-z]+="/);
  });

  it("sets cookies HttpOnly and SameSite=Lax", async () => {
    const response = await app.inject("/en");
    for (const cookie of response.cookies) {
      expect(cookie.httpOnly, cookie.name).toBe(true);
      expect(cookie.sameSite, cookie.name).toBe("Lax");
    }
  });

  it("gives every response a request id, and logs it on every request line", async () => {
    const response = await app.inject("/en");
    const id = response.headers["x-request-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = logs.filter((l) => l.includes(id));
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps personal data out of the logs: no address, user agent, cookie, query or email", async () => {
    await app.inject({
      url: "/fr/unknown?email=leila.benali%40example.tn&token=s3cr3t-reset-token",
      headers: {
        cookie: "session=very-secret-session-id",
        "user-agent": "Mozilla/5.0 TestPhone",
        "x-forwarded-for": "197.0.0.42",
      },
    });
    const all = logs.join("\n");
    for (const secret of [
      "leila.benali",
      "s3cr3t-reset-token",
      "very-secret-session-id",
      "TestPhone",
      "197.0.0.42",
      "127.0.0.1",
    ]) {
      expect(all, secret).not.toContain(secret);
    }
  });
});
