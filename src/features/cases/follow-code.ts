import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { sha256 } from "../../core/auth/secrets.js";
import type { Db } from "../../db/client.js";
import type { CaseRow } from "./queries.js";
import { CASE_REFERENCE_NUMBER, cases } from "./tables.js";
import { asciiDigits, parseSearch } from "./workspace/queue-filters.js";

/*
 * The follow code: a request's reference and an 8-digit PIN, short enough to write on paper or keep
 * in a phone's notes, for whoever loses (or never copies) the 80-character follow-up link. The PIN
 * is derived from the link's secret with the server secret (so the link's holder can always be shown
 * it again, and a form sent twice gets the same one), and stored only as an HMAC keyed with the
 * server secret and salted with the link's hash: a leaked table alone gives no PIN.
 */

export const PIN_DIGITS = 8;

/** The PIN of the request whose follow-up link holds `followToken`. */
export function followPinFor(secret: string, followToken: string): string {
  const mac = createHmac("sha256", secret).update(`case-pin:${followToken}`).digest();
  return (mac.readBigUInt64BE(0) % 10n ** BigInt(PIN_DIGITS)).toString().padStart(PIN_DIGITS, "0");
}

/** How a PIN is stored, for the request whose follow-up token hashes to `followTokenHash`. */
export function followPinHash(secret: string, followTokenHash: string, pin: string): string {
  return createHmac("sha256", secret).update(`case-pin-hash:${followTokenHash}:${pin}`).digest("hex");
}

/**
 * The PIN of `row`, for whoever holds its follow-up link's `followToken`: null for a request filed
 * before follow codes (its stored hash is missing, or is not this PIN's).
 */
export function followPinOf(
  secret: string,
  row: Pick<CaseRow, "followPinHash">,
  followToken: string,
): string | null {
  const pin = followPinFor(secret, followToken);
  return row.followPinHash === followPinHash(secret, sha256(followToken), pin) ? pin : null;
}

/** Four digits, a space, four digits: how a PIN is shown (it is typed with or without the space). */
export function formatPin(pin: string): string {
  return `${pin.slice(0, 4)} ${pin.slice(4)}`;
}

export interface FollowCode {
  /** The reference as typed, read like the staff search reads it (EC- and the year optional). */
  year?: string;
  number: string;
  pin: string;
}

/**
 * Reads what a person typed: the reference with or without "EC-" and the year, in Western or
 * Arabic-Indic digits, and the PIN with any spaces or dashes. Null when either cannot be one.
 */
export function parseFollowCode(reference: string | undefined, pin: string | undefined): FollowCode | null {
  const ref = parseSearch((reference ?? "").slice(0, 40));
  const digits = asciiDigits((pin ?? "").normalize("NFKC").slice(0, 40)).replace(/[\s\u2010-\u2015-]+/g, "");
  if (ref?.kind !== "reference" || !new RegExp(`^\\d{${PIN_DIGITS}}$`).test(digits)) return null;
  return { year: ref.year, number: ref.number, pin: digits };
}

/** Compared against when no request has the reference, so a wrong reference costs what a wrong PIN does. */
const NOTHING = "0".repeat(64);

/**
 * The request a follow code opens, or null: the same null (after the same work) whether the
 * reference exists, has no PIN (filed before follow codes) or the PIN is wrong.
 */
export async function findCaseByFollowCode(
  db: Db,
  secret: string,
  code: FollowCode,
): Promise<CaseRow | null> {
  const [row] = await db
    .select()
    .from(cases)
    .where(
      code.year
        ? eq(cases.reference, `EC-${code.year}-${code.number}`)
        : sql`${CASE_REFERENCE_NUMBER} = ${code.number}`,
    )
    .limit(1);
  const expected = Buffer.from(row?.followPinHash ?? NOTHING, "hex");
  const given = Buffer.from(followPinHash(secret, row?.followTokenHash ?? "", code.pin), "hex");
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  return row?.followPinHash && same ? row : null;
}
