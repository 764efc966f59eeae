import { createHash, createHmac, randomBytes } from "node:crypto";

/*
 * Counters for the integrity routes that never write an address anywhere: each client is counted
 * under a keyed hash of its address, with a key that exists only in this process's memory, is
 * never logged or stored, and is replaced by a fresh random one every day (UTC), so no hash can be
 * linked to the same address across days. Each count is forgotten when its window ends.
 */
let dailyKey = { day: "", key: Buffer.alloc(0) };

/** The key a client is counted under today. */
export function clientKey(address: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  if (dailyKey.day !== day) dailyKey = { day, key: randomBytes(32) };
  return createHmac("sha256", dailyKey.key).update(address).digest("base64url");
}

/** A fixed-window counter per key, in memory. */
export class WindowCounter {
  private readonly counts = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private current(key: string) {
    const entry = this.counts.get(key);
    if (!entry || entry.resetAt <= this.now()) return null;
    return entry;
  }

  /** Seconds until the key may act again, or 0 when it is under its limit. */
  wait(key: string): number {
    const entry = this.current(key);
    if (!entry || entry.count < this.max) return 0;
    return Math.max(1, Math.ceil((entry.resetAt - this.now()) / 1000));
  }

  /** Counts one event for the key. */
  hit(key: string): void {
    const entry = this.current(key);
    if (entry) entry.count += 1;
    else {
      if (this.counts.size > 50_000) this.sweep();
      this.counts.set(key, { count: 1, resetAt: this.now() + this.windowMs });
    }
  }

  private sweep() {
    const now = this.now();
    for (const [key, entry] of this.counts) if (entry.resetAt <= now) this.counts.delete(key);
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

/** Challenges already used, until they expire: each one buys a single submission. */
export class SpentChallenges {
  private readonly spent = new Map<string, number>();

  /** Whether the solution is right, the challenge ours and alive; spends it if so. */
  spend(secret: string, challenge: string | undefined, nonce: string | undefined, now = Date.now()): boolean {
    if (!challenge || !nonce || nonce.length > 32 || challenge.length > 100) return false;
    const [random, expiry, signature] = challenge.split(".");
    if (!random || !expiry || !signature || mac(secret, `${random}.${expiry}`) !== signature) return false;
    const expiresAt = Number(expiry) * 60_000;
    if (!(expiresAt > now) || this.spent.has(challenge)) return false;
    if (leadingZeroBits(powHash(challenge, nonce)) < POW_BITS) return false;
    if (this.spent.size > 50_000) {
      for (const [key, at] of this.spent) if (at <= now) this.spent.delete(key);
    }
    this.spent.set(challenge, expiresAt);
    return true;
  }
}
