import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { FLOW_COOKIE } from "./flow-cookie.js";
import { Browser } from "./testing/browser.js";

/** A localhost port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const { app, config, logs } = await createTestApp({
  env: {
    OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}`,
    OIDC_CLIENT_ID: "sharek",
    OIDC_CLIENT_SECRET: "secret-never-logged-5e2b",
  },
});

describe("e-ID sign-in while the provider cannot be reached", () => {
  it("explains it on a translated page instead of failing, at the start", async () => {
    const browser = new Browser(app, config.publicUrl);
    const page = await browser.go("/fr/sign-in/eid?next=%2Ffr%2Fstructures");
    expect(page.url.pathname).toBe("/fr/sign-in/eid/error");
    expect(page.status).toBe(200);
    expect(page.body).toContain("e-ID est injoignable");
    expect(page.body).toContain('href="/fr/sign-in/eid?next=%2Ffr%2Fstructures"');
    expect(browser.cookie(config.publicUrl, FLOW_COOKIE)).toBeUndefined();
  });

  it("and when the provider's answer cannot be checked", async () => {
    const browser = new Browser(app, config.publicUrl);
    const flow = {
      codeVerifier: "v".repeat(43),
      state: "st",
      nonce: "n",
      locale: "en",
      next: "/en",
      expiresAt: Date.now() + 60_000,
    };
    browser.setCookie(
      config.publicUrl,
      FLOW_COOKIE,
      encodeURIComponent(app.signCookie(JSON.stringify(flow))),
    );
    const page = await browser.go("/auth/eid/callback?code=abc&state=st");
    expect(page.url.pathname).toBe("/en/sign-in/eid/error");
    expect(page.body).toContain("e-ID cannot be reached");
    expect(browser.cookie(config.publicUrl, "sid")).toBeUndefined();
    expect(logs.join("\n")).not.toContain("secret-never-logged-5e2b");
  });
});
