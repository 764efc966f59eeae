import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";

const { app } = await createTestApp({
  env: { SECURITY_CONTACT: "mailto:security@example.tn", PUBLIC_URL: "https://portal.example.tn" },
});
const { app: unset } = await createTestApp();

describe("/.well-known/security.txt", () => {
  it("says where to report a vulnerability, until when, in which languages, and links the policy (RFC 9116)", async () => {
    const response = await app.inject("/.well-known/security.txt");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const fields = Object.fromEntries(
      response.body
        .trim()
        .split("\n")
        .map((line) => line.split(/: (.*)/s).slice(0, 2)),
    );
    expect(fields.Contact).toBe("mailto:security@example.tn");
    expect(fields["Preferred-Languages"]).toBe("ar, fr, en");
    expect(fields.Canonical).toBe("https://portal.example.tn/.well-known/security.txt");
    expect(fields.Policy).toBe("https://portal.example.tn/.well-known/security-policy");
    const expires = Date.parse(fields.Expires);
    expect(fields.Expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThan(Date.now() + 365 * 86_400_000);

    const policy = await app.inject("/.well-known/security-policy");
    expect(policy.statusCode).toBe(200);
    expect(policy.body).toContain("The integrity channel (`/[lang]/integrity`) is not for security bugs.");
  });

  it("answers 404 when no SECURITY_CONTACT is set, rather than name nobody", async () => {
    expect((await unset.inject("/.well-known/security.txt")).statusCode).toBe(404);
  });
});
