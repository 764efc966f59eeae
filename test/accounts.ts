import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { hashSecret } from "../src/core/auth/secrets.js";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { accounts } from "../src/core/auth/tables.js";
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpKey } from "../src/core/auth/totp.js";
import type { StaffRole } from "../src/core/authz/actor.js";
import { memberships } from "../src/core/authz/tables.js";
import { structures } from "../src/core/structures/tables.js";
import type { Database } from "../src/db/client.js";
import { Agent, TEST_COOKIE_SECRET } from "./app.js";

let counter = 0;

/**
 * argon2id is slow by design (tens of milliseconds a hash): the accounts a worker makes with one
 * password share its one hash (each still verifies as any stored hash does).
 */
const hashes = new Map<string, Promise<string>>();
function passwordHash(plain: string): Promise<string> {
  let hashed = hashes.get(plain);
  if (!hashed) {
    hashed = hashSecret(plain);
    hashes.set(plain, hashed);
  }
  return hashed;
}

export interface TestAccountOptions {
  email?: string;
  password?: string;
  displayName?: string;
  platformAdmin?: boolean;
  /** Roles by structure code, e.g. [{ structure: "gov-tn-11", role: "agent" }]. */
  roles?: Array<{ structure: string; role: StaffRole }>;
  /** Enrol TOTP (staff need it). Defaults to true for staff. */
  totp?: boolean;
  /** Whether the session has passed the TOTP step. Defaults to true when TOTP is enrolled. */
  secondFactor?: boolean;
  verified?: boolean;
}

export const TEST_PASSWORD = "correct horse battery staple";

export const TEST_TOTP_KEY = totpKey(TEST_COOKIE_SECRET);

/** The Base32 secret (for an authenticator's codes) from a stored, encrypted `totp_secret`. */
export function plainTotpSecret(stored: string): string {
  return openTotpSecret(TEST_TOTP_KEY, stored);
}

/**
 * Creates an account straight in the database, its TOTP secret encrypted as the app stores it.
 * The returned row's `totpSecret` is the plain Base32 secret, to generate codes with.
 */
export async function createAccount(database: Database, options: TestAccountOptions = {}) {
  counter += 1;
  const staff = Boolean(options.platformAdmin || options.roles?.length);
  const totp = options.totp ?? staff;
  const secret = totp ? newTotpSecret() : null;
  const [account] = await database.db
    .insert(accounts)
    .values({
      email: options.email ?? `person${counter}.${Date.now()}@example.tn`,
      passwordHash: await passwordHash(options.password ?? TEST_PASSWORD),
      displayName: options.displayName ?? `Test Person ${counter}`,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      isPlatformAdmin: options.platformAdmin ?? false,
      totpSecret: secret && sealTotpSecret(TEST_TOTP_KEY, secret),
      totpEnabledAt: totp ? new Date() : null,
    })
    .returning();
  for (const { structure, role } of options.roles ?? []) {
    const [s] = await database.db.select().from(structures).where(eq(structures.code, structure));
    if (!s) throw new Error(`no structure ${structure}`);
    await database.db.insert(memberships).values({ accountId: account!.id, structureId: s.id, role });
  }
  return { ...account!, totpSecret: secret };
}

/** An Agent already signed in as a new account with these options. */
export async function signedInAgent(
  app: FastifyInstance,
  database: Database,
  options: TestAccountOptions = {},
) {
  const account = await createAccount(database, options);
  const { token } = await createSession(database.db, account.id, {
    persistent: false,
    device: "Test",
    secondFactor: options.secondFactor ?? Boolean(account.totpEnabledAt),
  });
  const agent = new Agent(app);
  agent.setCookie(SESSION_COOKIE, token);
  return { agent, account };
}
