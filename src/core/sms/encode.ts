import smpp from "smpp";

const { gsmCoder } = smpp;

/** GSM 03.38's default alphabet and its extension table (each extension character costs two septets). */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "\f^{}\\[~]|€";
const GSM_CHARS = new Set([...GSM_BASIC, ...GSM_EXTENDED]);

/** SMPP data_coding: 0 is the SMSC's default alphabet (GSM 03.38), 8 is UCS-2. */
export const DATA_CODING = { gsm: 0x00, ucs2: 0x08 } as const;
/** esm_class bit saying short_message starts with a user data header. */
export const UDHI = 0x40;

export interface Segment {
  dataCoding: number;
  esmClass: number;
  /** The user data: the concatenation header (when split) then the encoded text. */
  shortMessage: Buffer;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM_CHARS.has(char)) return false;
  return true;
}

/**
 * Splits a text into SMPP segments: GSM-7 when every character allows (160 septets, or 153 per
 * part), else UCS-2 (70 characters, or 67 per part), never cutting an escape sequence or a
 * surrogate pair. A long text gets the 8-bit concatenation header (IEI 0x00) with `reference`.
 */
export function encodeSms(text: string, reference: number): Segment[] {
  const gsm = isGsm7(text);
  const bytes = gsm ? gsmCoder.encode(text, 0) : Buffer.from(text, "utf16le").swap16();
  const single = 140 * (gsm ? 8 / 7 : 1);
  const dataCoding = gsm ? DATA_CODING.gsm : DATA_CODING.ucs2;
  if (bytes.length <= single) return [{ dataCoding, esmClass: 0, shortMessage: bytes }];
  const size = gsm ? 153 : 134;
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = Math.min(start + size, bytes.length);
    if (end < bytes.length) {
      // An escape (GSM) or a high surrogate (UCS-2) stays with what follows it.
      if (gsm && bytes[end - 1] === 0x1b) end -= 1;
      if (!gsm && (bytes.readUInt16BE(end - 2) & 0xfc00) === 0xd800) end -= 2;
    }
    chunks.push(bytes.subarray(start, end));
    start = end;
  }
  if (chunks.length > 255) throw new Error("an SMS of more than 255 parts");
  return chunks.map((chunk, i) => ({
    dataCoding,
    esmClass: UDHI,
    shortMessage: Buffer.concat([
      Buffer.from([0x05, 0x00, 0x03, reference & 0xff, chunks.length, i + 1]),
      chunk,
    ]),
  }));
}
