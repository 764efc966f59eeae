import { createHash, randomInt } from "node:crypto";

/** Crockford's base32 without I, L, O, U: easy to read aloud and to copy from paper. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A random code of 4 groups of 4 characters (80 bits): a receipt, or a voting code on paper. */
export function newCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = "";
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join("-");
}

/** A typed code, as the hash sees it: upper case, without spaces or dashes, O read as 0 and I/L as 1. */
export function normaliseCode(value: string): string {
  return value
    .toUpperCase()
    .replace(/[\s\u00a0-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export const looksLikeCode = (value: string) => /^[0-9A-HJKMNP-TV-Z]{16}$/.test(normaliseCode(value));

/** A receipt's hash, as stored on the ballot and published with it. */
export const receiptHash = (code: string) =>
  createHash("sha256")
    .update(`receipt:${normaliseCode(code)}`)
    .digest("hex");

/** A voter's key in a budget's eligibility list: salted with the budget's salt, by kind (an account, a paper code). */
export const voterKeyHash = (salt: string, kind: "eid" | "paper_code", value: string) =>
  createHash("sha256")
    .update(`${salt}:${kind}:${kind === "paper_code" ? normaliseCode(value) : value}`)
    .digest("hex");
