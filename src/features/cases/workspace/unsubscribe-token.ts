import { createHmac, timingSafeEqual } from "node:crypto";
import { isUuid } from "../../../core/ids.js";

/** The address of an opt-out, keyed with the server secret: the table never holds an address. */
export function addressKey(secret: string, email: string): string {
  return createHmac("sha256", secret)
    .update(`case-mail-address:${email.trim().toLowerCase()}`)
    .digest("hex")
    .slice(0, 24);
}

function signature(secret: string, caseId: string, key: string): string {
  return createHmac("sha256", secret)
    .update(`case-unsubscribe:${caseId}:${key}`)
    .digest("base64url")
    .slice(0, 22);
}

/** The secret part of an unsubscribe link: the request, the address's key, and their signature. */
export function unsubscribeToken(secret: string, caseId: string, email: string): string {
  const key = addressKey(secret, email);
  return `${caseId}.${key}.${signature(secret, caseId, key)}`;
}

/** Reads an unsubscribe token back; null when it was not made by this server. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { caseId: string; addressKey: string } | null {
  const [caseId, key, sig, extra] = token.split(".");
  if (extra !== undefined || !isUuid(caseId) || !key || !/^[0-9a-f]{24}$/.test(key) || !sig) return null;
  const expected = Buffer.from(signature(secret, caseId, key));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { caseId, addressKey: key };
}

/** The kinds of request news an account holder may turn e-mail off for from a mail's link. */
export const MAIL_KINDS = ["request-update", "followed-request"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

function kindSignature(secret: string, accountId: string, kind: string): string {
  return createHmac("sha256", secret)
    .update(`notification-unsubscribe:${accountId}:${kind}`)
    .digest("base64url")
    .slice(0, 22);
}

/**
 * The secret part of the unsubscribe link of a mail to an account holder: their account, the kind
 * of news the mail is (its e-mail goes off on their notification preferences), and their signature.
 */
export function kindUnsubscribeToken(secret: string, accountId: string, kind: MailKind): string {
  return `k.${accountId}.${kind}.${kindSignature(secret, accountId, kind)}`;
}

/** Reads an account holder's unsubscribe token back; null when it was not made by this server. */
export function readKindUnsubscribeToken(
  secret: string,
  token: string,
): { accountId: string; kind: MailKind } | null {
  const [marker, accountId, kind, sig, extra] = token.split(".");
  if (
    marker !== "k" ||
    extra !== undefined ||
    !isUuid(accountId) ||
    !(MAIL_KINDS as readonly string[]).includes(kind ?? "") ||
    !sig
  )
    return null;
  const expected = Buffer.from(kindSignature(secret, accountId, kind!));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { accountId, kind: kind as MailKind };
}
