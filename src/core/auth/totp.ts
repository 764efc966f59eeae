import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { and, eq, isNotNull, isNull, lt, notLike, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Db } from "../../db/client.js";
import { hashSecret, verifySecret } from "./secrets.js";
import { accounts } from "./tables.js";

export function newTotpSecret(): string {
  return generateSecret();
}

/** Marks an encrypted secret (AES-256-GCM); a Base32 secret never contains ":". */
const SEALED = "v1:";

/** The key TOTP secrets are encrypted with, derived from the cookie secret (HKDF-SHA256). */
export function totpKey(cookieSecret: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync("sha256", cookieSecret, "", "sharek totp secret", 32)));
}

/** A secret as stored: "v1:" and base64url(nonce ‖ tag ‖ ciphertext). */
export function sealTotpSecret(key: KeyObject, secret: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return SEALED + Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The Base32 secret from its stored form (a value without the prefix is from before encryption). */
export function openTotpSecret(key: KeyObject, stored: string): string {
  if (!stored.startsWith(SEALED)) return stored;
  const bytes = Buffer.from(stored.slice(SEALED.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}

/**
 * Encrypts the secrets stored in clear (before encryption existed, or by the demo seed, which runs
 * without the key). Run at start-up; each row is changed only if nobody changed it meanwhile.
 */
export async function sealPlainTotpSecrets(db: Db, key: KeyObject): Promise<void> {
  const plain = await db
    .select({ id: accounts.id, secret: accounts.totpSecret })
    .from(accounts)
    .where(and(isNotNull(accounts.totpSecret), notLike(accounts.totpSecret, `${SEALED}%`)));
  for (const { id, secret } of plain)
    await db
      .update(accounts)
      .set({ totpSecret: sealTotpSecret(key, secret!) })
      .where(and(eq(accounts.id, id), eq(accounts.totpSecret, secret!)));
}

/**
 * Checks a 6-digit code against the account's stored secret, accepting the previous and next
 * 30-second step for clock drift, and spends it: a code is accepted only if its time step is later
 * than the last one accepted for this account, so a code seen over a shoulder cannot be used again.
 */
export async function useTotpCode(
  db: Db,
  key: KeyObject,
  account: { id: string; totpSecret: string | null },
  code: string,
): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (account.totpSecret === null || !/^\d{6}$/.test(token)) return false;
  let step: number;
  try {
    const result = await verify({
      secret: openTotpSecret(key, account.totpSecret),
      token,
      epochTolerance: 30,
    });
    if (!result.valid || !("timeStep" in result)) return false;
    step = result.timeStep;
  } catch {
    return false;
  }
  const spent = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(
      and(eq(accounts.id, account.id), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))),
    )
    .returning({ id: accounts.id });
  return spent.length > 0;
}

/** The otpauth:// URI as an inline SVG QR code (a data: URL, allowed by the CSP for images). */
export async function totpQrCode(secret: string, label: string): Promise<string> {
  const uri = generateURI({ issuer: "Sharek", label, secret });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** Ten one-time recovery codes (shown once) and their hashes (stored). */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: 10 }, () => {
    const hex = randomBytes(5).toString("hex");
    return `${hex.slice(0, 5)}-${hex.slice(5)}`;
  });
  return { codes, hashes: await Promise.all(codes.map(hashSecret)) };
}

/** Returns the remaining hashes if the code matches one (which is then spent), or null. */
export async function spendRecoveryCode(hashes: string[], code: string): Promise<string[] | null> {
  const normalized = code.trim().toLowerCase();
  for (const [i, hashed] of hashes.entries()) {
    if (await verifySecret(hashed, normalized)) return hashes.filter((_, j) => j !== i);
  }
  return null;
}
