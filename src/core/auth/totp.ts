import { randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { hashSecret, verifySecret } from "./secrets.js";

export function newTotpSecret(): string {
  return generateSecret();
}

/** Checks a 6-digit code, accepting the previous and next 30-second step for clock drift. */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return (await verify({ secret, token, epochTolerance: 30 })).valid;
  } catch {
    return false;
  }
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
