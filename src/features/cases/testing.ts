import { randomUUID } from "node:crypto";

/**
 * What makes a test request unique: a reference from the caller's sequence number (each test helper
 * counts in its own range, so references never collide) and fresh, never-matching secret hashes.
 */
export function uniqueCaseKeys(sequence: number) {
  const key = randomUUID();
  return {
    reference: `EC-2026-${String(sequence).padStart(6, "0")}`,
    submissionKeyHash: key,
    followTokenHash: `hash-${key}`,
  };
}
