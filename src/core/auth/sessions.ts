import { and, eq, gt, ne } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { randomToken, sha256 } from "./secrets.js";
import { accounts, sessions } from "./tables.js";

export const SESSION_COOKIE = "sid";
/** A session not marked "remember me" ends after this much inactivity. */
export const SHORT_SESSION_MS = 12 * 3600 * 1000;
export const LONG_SESSION_MS = 30 * 24 * 3600 * 1000;

export async function createSession(
  db: Db,
  accountId: string,
  options: { persistent: boolean; device: string; secondFactor?: boolean },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + (options.persistent ? LONG_SESSION_MS : SHORT_SESSION_MS));
  await db.insert(sessions).values({
    id: sha256(token),
    accountId,
    persistent: options.persistent,
    device: options.device,
    secondFactorAt: options.secondFactor ? new Date() : null,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The live session and its account for a cookie token, or null. */
export async function findSession(db: Db, token: string) {
  const [row] = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row || row.account.deletedAt) return null;
  return row;
}

/** Slides a session's expiry forward, at most once a minute so reads stay cheap. */
export async function touchSession(db: Db, session: typeof sessions.$inferSelect): Promise<void> {
  if (Date.now() - session.lastSeenAt.getTime() < 60_000) return;
  const expiresAt = new Date(Date.now() + (session.persistent ? LONG_SESSION_MS : SHORT_SESSION_MS));
  await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.id, session.id));
}

export async function revokeSession(db: Db, sessionId: string, accountId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, accountId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of an account, except optionally the current one (after a password change). */
export async function revokeOtherSessions(db: Db, accountId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.accountId, accountId), ne(sessions.id, keepSessionId))
        : eq(sessions.accountId, accountId),
    );
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrome\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X/, "macOS"],
  [/Linux/, "Linux"],
];

/** A coarse, non-identifying description of a browser for the "your sessions" page. */
export function describeDevice(userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const first = (table: Array<[RegExp, string]>) => table.find(([pattern]) => pattern.test(ua))?.[1];
  return [first(BROWSERS), first(SYSTEMS)].filter(Boolean).join(" · ");
}
