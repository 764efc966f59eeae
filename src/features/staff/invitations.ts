import type { ActingContext } from "../../core/audit/record.js";
import { findAccountByEmail } from "../../core/auth/accounts.js";
import { accounts } from "../../core/auth/tables.js";
import { peekToken } from "../../core/auth/tokens.js";
import { STAFF_ROLES, type StaffRole } from "../../core/authz/actor.js";
import type { Locale } from "../../core/i18n/localized.js";
import { isUuid } from "../../core/ids.js";
import type { Db } from "../../db/client.js";
import { findAccount, findStructure } from "./queries.js";

/** What an invitation token carries: a role in a structure, or the platform admin power. */
export type InvitationPayload =
  | { kind: "role"; structureId: string; role: StaffRole; invitedBy: string | null }
  | { kind: "platform_admin"; invitedBy: string | null };

export function invitationPayload(raw: Record<string, unknown>): InvitationPayload | null {
  const invitedBy = isUuid(raw.invitedBy) ? raw.invitedBy : null;
  if (raw.platformAdmin === true) return { kind: "platform_admin", invitedBy };
  const role = raw.role as StaffRole;
  if (isUuid(raw.structureId) && STAFF_ROLES.includes(role))
    return { kind: "role", structureId: raw.structureId, role, invitedBy };
  return null;
}

/** What an invitation command needs to know about who invites and how to reach the invitee. */
export interface InviterContext extends ActingContext {
  /** The actor's display name, quoted in invitation mails. */
  actorName: string;
  /** The language of the page the actor used: invitation mails are written in it. */
  locale: Locale;
  publicUrl: string;
}

export function invitationLink(publicUrl: string, locale: Locale, token: string): string {
  return `${publicUrl}/${locale}/invitations/${token}`;
}

/** The account an invitation goes to: found by email, or created without a password. */
export async function ensureInvitee(
  db: Db,
  input: { email: string; displayName: string; locale: Locale },
): Promise<{ id: string; created: boolean }> {
  const existing = await findAccountByEmail(db, input.email);
  if (existing) return { id: existing.id, created: false };
  const [row] = await db
    .insert(accounts)
    .values({ email: input.email, displayName: input.displayName, locale: input.locale })
    .returning({ id: accounts.id });
  return { id: row!.id, created: true };
}

/** A usable invitation with the account and (for a role) the structure it names, or null. */
export async function findInvitation(db: Db, token: string) {
  if (token.length > 100) return null;
  const row = await peekToken(db, "invitation", token);
  if (!row) return null;
  const payload = invitationPayload(row.payload);
  const account = await findAccount(db, row.accountId);
  if (!payload || !account) return null;
  const structure = payload.kind === "role" ? await findStructure(db, payload.structureId) : null;
  if (payload.kind === "role" && !structure) return null;
  return { token: row, payload, account, structure };
}

export type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;
