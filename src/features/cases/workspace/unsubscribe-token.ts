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
