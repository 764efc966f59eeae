import { randomBytes, randomInt } from "node:crypto";
import { hashRaw } from "@node-rs/argon2";
import sodium from "libsodium-wrappers";

/*
 * The integrity channel's cryptography, in one place: libsodium (Curve25519 sealed boxes,
 * XSalsa20-Poly1305 secret boxes) and argon2id for every key derived from something a person knows.
 * Everything stored is base64 text.
 */

await sodium.ready;

export interface KeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));

export const encodeKey = b64;
export const decodeKey = unb64;

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, privateKey };
}

/** A keypair that is a pure function of a 32-byte seed (the whistleblower's, from the receipt). */
export function seedKeyPair(seed: Uint8Array): KeyPair {
  const { publicKey, privateKey } = sodium.crypto_box_seed_keypair(seed);
  return { publicKey, privateKey };
}

/** Seals bytes to a public key (crypto_box_seal): only the matching private key opens them. */
export function seal(data: Uint8Array, publicKey: Uint8Array): string {
  return b64(sodium.crypto_box_seal(data, publicKey));
}

/** Opens a sealed box, or null when this keypair cannot. */
export function unseal(sealed: string, keys: KeyPair): Uint8Array | null {
  try {
    return sodium.crypto_box_seal_open(unb64(sealed), keys.publicKey, keys.privateKey);
  } catch {
    return null;
  }
}

export const sealText = (text: string, publicKey: Uint8Array) =>
  seal(new TextEncoder().encode(text), publicKey);

export function unsealText(sealed: string, keys: KeyPair): string | null {
  const bytes = unseal(sealed, keys);
  return bytes ? new TextDecoder().decode(bytes) : null;
}

/** Binary sealing for files (the file store keeps raw ciphertext). */
export const sealBytes = (data: Uint8Array, publicKey: Uint8Array) =>
  Buffer.from(sodium.crypto_box_seal(data, publicKey));

export function unsealBytes(sealed: Uint8Array, keys: KeyPair): Buffer | null {
  try {
    return Buffer.from(sodium.crypto_box_seal_open(sealed, keys.publicKey, keys.privateKey));
  } catch {
    return null;
  }
}

/** A private key's public half. */
export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return sodium.crypto_scalarmult_base(privateKey);
}

/** Wraps a secret under a 32-byte key (secretbox, random nonce first). */
export function wrap(secret: Uint8Array, key: Uint8Array): string {
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const box = sodium.crypto_secretbox_easy(secret, nonce, key);
  return b64(Buffer.concat([nonce, box]));
}

export function unwrap(wrapped: string, key: Uint8Array): Uint8Array | null {
  const bytes = unb64(wrapped);
  const nonce = bytes.subarray(0, sodium.crypto_secretbox_NONCEBYTES);
  try {
    return sodium.crypto_secretbox_open_easy(bytes.subarray(sodium.crypto_secretbox_NONCEBYTES), nonce, key);
  } catch {
    return null;
  }
}

export const newSalt = () => b64(randomBytes(16));
export const randomKey = () => new Uint8Array(randomBytes(32));

/** argon2id (m=19 MiB, t=2, p=1) of a secret with a salt, 32 bytes: a key, or a lookup hash. */
export async function deriveKey(secret: string, salt: string): Promise<Uint8Array> {
  const raw = await hashRaw(secret, {
    algorithm: 2, // Algorithm.Argon2id (a const enum the compiler settings cannot import)
    salt: Buffer.from(salt, "base64"),
    outputLen: 32,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  return new Uint8Array(raw);
}

/** A receipt: 16 digits, each from the CSPRNG. */
export function newReceipt(): string {
  return Array.from({ length: 16 }, () => randomInt(0, 10)).join("");
}

/** "1234 5678 9012 3456", as shown and printed. */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, "$1 ");
}

const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";

/** A typed receipt as 16 ASCII digits (Arabic-Indic digits, spaces and dashes allowed), or null. */
export function normalizeReceipt(typed: string | undefined): string | null {
  const digits = [...(typed ?? "")]
    .map((c) => {
      const arabic = ARABIC_DIGITS.indexOf(c);
      if (arabic >= 0) return String(arabic);
      const persian = PERSIAN_DIGITS.indexOf(c);
      return persian >= 0 ? String(persian) : c;
    })
    .join("")
    .replace(/[\s\-.]/g, "");
  return /^\d{16}$/.test(digits) ? digits : null;
}

/** An officer's recovery key: 200 random bits, as eight groups of five letters and digits. */
export function newRecoveryKey(): string {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford's base32, lower case
  const chars = [...randomBytes(40)].map((b) => alphabet[b % 32]).join("");
  return (chars.match(/.{5}/g) ?? []).join("-");
}

export function normalizeRecoveryKey(typed: string | undefined): string {
  return (typed ?? "").toLowerCase().replace(/[^0-9a-z]/g, "");
}
