import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum). */
export function hashSecret(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifySecret(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** A random token for links and cookies (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** How tokens are stored: a leaked table gives nothing that opens a session or a link. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
