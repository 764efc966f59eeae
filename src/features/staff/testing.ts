import { eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { plainTotpSecret } from "../../../test/accounts.js";
import { accounts, signInThrottles } from "../../core/auth/tables.js";
import type { Actor } from "../../core/authz/actor.js";
import type { Locale } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import type { Database } from "../../db/client.js";
import type { InviterContext } from "./invitations.js";

/** Helpers for this feature's tests. */

export async function structureId(database: Database, code: string): Promise<string> {
  const [row] = await database.db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, code));
  if (!row) throw new Error(`no structure ${code}`);
  return row.id;
}

export async function accountByEmail(database: Database, email: string) {
  const [row] = await database.db
    .select()
    .from(accounts)
    .where(sql`lower(${accounts.email}) = lower(${email})`);
  return row ?? null;
}

/** The code an authenticator app would show now for this account's secret, read from the database. */
export async function currentCode(database: Database, accountId: string): Promise<string> {
  const [row] = await database.db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row?.totpSecret) throw new Error("no TOTP secret");
  return generate({ secret: plainTotpSecret(row.totpSecret) });
}

/** Ends every back-off, as if the wait had passed. */
export async function endBackOff(database: Database): Promise<void> {
  await database.db.update(signInThrottles).set({ lockedUntil: new Date(Date.now() - 1000) });
}

/** The token of the newest invitation link mailed to an address. */
export function tokenFromPath(path: string): string {
  const token = /\/invitations\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
  if (!token) throw new Error(`no invitation in ${path}`);
  return token;
}

/** An unlocked actor, as the auth plugin builds one for staff who passed the TOTP step. */
export function actorOf(
  accountId: string,
  options: { platformAdmin?: boolean; roles?: Actor["roles"] } = {},
): Actor {
  return {
    accountId,
    platformAdmin: options.platformAdmin ?? false,
    roles: options.roles ?? [],
    identityVerified: false,
    staffLocked: null,
  };
}

export function inviterContextOf(actor: Actor, locale: Locale = "fr"): InviterContext {
  return { actor, actorName: "Inviting Admin", locale, publicUrl: "https://sharek.example.tn" };
}
