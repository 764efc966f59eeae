import type { Browser } from "playwright-core";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { createAccount } from "../test/accounts.js";
import { type ContextOptions, newContext } from "./browser.js";
import type { RunningServer } from "./server.js";

/**
 * A browser profile signed in as a new account (staff pass the TOTP step), and that account.
 * `profile`: the context's options (JavaScript off, a phone's viewport).
 */
export async function signedInContext(
  browser: Browser,
  server: RunningServer,
  options: Parameters<typeof createAccount>[1],
  profile: Omit<ContextOptions, "baseURL"> = {},
) {
  const account = await createAccount(server.database, options);
  const { token } = await createSession(server.database.db, account.id, {
    persistent: false,
    device: "e2e",
    secondFactor: Boolean(account.totpEnabledAt),
  });
  const context = await newContext(browser, { ...profile, baseURL: server.origin });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
  ]);
  return { context, account };
}
