import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Counters } from "../../core/counters/counters.js";

/*
 * Counters for the integrity routes that never write an address anywhere: each client is counted
 * under an HMAC of its address, keyed for the day (UTC) from the secret every node shares, so all
 * nodes count a client alike and no hash can be linked to the same address across days. The
 * counts live in the shared counters (PostgreSQL on a cluster, which stores them HMACed again)
 * and are forgotten when their window ends.
 */

/** The key a client is counted under today. */
export function clientKey(secret: string, address: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const dayKey = createHmac("sha256", `integrity-client:${secret}`).update(day).digest();
  return createHmac("sha256", dayKey).update(address).digest("base64url");
}

/** A fixed-window limit per key over the shared counters. */
export class WindowCounter {
  constructor(
    private readonly counters: Counters,
    private readonly name: string,
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until the key may act again, or 0 when it is under its limit. */
  async wait(key: string): Promise<number> {
    const window = await this.counters.peek(`${this.name}:${key}`);
    if (window.count < this.max) return 0;
    return Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
  }

  /** Counts one event for the key. */
  async hit(key: string): Promise<void> {
    await this.counters.hit(`${this.name}:${key}`, this.windowMs);
  }
}

/*
 * Proof of work against floods, with no third party: the form carries a signed challenge, and the
 * enhancement script finds a nonce whose SHA-256 with it starts with POW_BITS zero bits (about
 * 65,000 hashes: a second or two on a cheap phone, nothing to a person, costly by the million).
 * Without JavaScript the form still works, through a slower lane with a stricter limit.
 */
export const POW_BITS = 16;
const CHALLENGE_MINUTES = 120;

const mac = (secret: string, text: string) =>
  createHmac("sha256", `integrity-pow:${secret}`).update(text).digest("base64url").slice(0, 22);

/** A fresh challenge: random, expiring, signed (nothing is stored until it is spent). */
export function newChallenge(secret: string, now = Date.now()): string {
  const body = `${randomBytes(12).toString("base64url")}.${Math.floor(now / 60_000) + CHALLENGE_MINUTES}`;
  return `${body}.${mac(secret, body)}`;
}

export function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const powHash = (challenge: string, nonce: string) =>
  createHash("sha256").update(`${challenge}:${nonce}`).digest();

/** Finds a nonce (the tests and the seed use it; browsers run the same loop in sharek.js). */
export function solveChallenge(challenge: string, bits = POW_BITS): string {
  for (let n = 0; ; n++) if (leadingZeroBits(powHash(challenge, String(n))) >= bits) return String(n);
}

/**
 * Whether the solution is right and the challenge ours and alive; spends it if so. Each challenge
 * buys a single submission on whichever node it reaches: the spend is a shared counter that lives
 * until the challenge expires.
 */
export async function spendChallenge(
  counters: Counters,
  secret: string,
  challenge: string | undefined,
  nonce: string | undefined,
  now = Date.now(),
): Promise<boolean> {
  if (!challenge || !nonce || nonce.length > 32 || challenge.length > 100) return false;
  const [random, expiry, signature] = challenge.split(".");
  if (!random || !expiry || !signature || mac(secret, `${random}.${expiry}`) !== signature) return false;
  const expiresAt = Number(expiry) * 60_000;
  if (!(expiresAt > now)) return false;
  if (leadingZeroBits(powHash(challenge, nonce)) < POW_BITS) return false;
  return (await counters.hit(`integrity-pow:${challenge}`, expiresAt - now)).count === 1;
}
