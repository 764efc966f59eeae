import { describe, expect, it } from "vitest";
import { DATA_CODING, encodeSms, isGsm7, UDHI } from "./encode.js";

describe("SMS encoding", () => {
  it("keeps a French or English text in GSM-7, in one segment up to 160 characters", () => {
    const text = "Votre demande EC-2026-000123 est reçue. Suivi : https://sharek.tn/fr/requests/follow/x";
    expect(isGsm7(text)).toBe(false); // ç is not in GSM 03.38's default alphabet…
    expect(isGsm7("Votre demande EC-2026-000123 est recue, à bientôt")).toBe(false); // … nor ô
    const plain =
      "Your request EC-2026-000123 was received. Follow it: https://sharek.tn/en/requests/follow/x";
    const [segment, ...rest] = encodeSms(plain, 7);
    expect(rest).toEqual([]);
    expect(segment!.dataCoding).toBe(DATA_CODING.gsm);
    expect(segment!.esmClass).toBe(0);
    expect(segment!.shortMessage.length).toBe(plain.length);
    expect(encodeSms("x".repeat(160), 1)).toHaveLength(1);
  });

  it("splits a long GSM-7 text in 153-septet parts with a concatenation header, never cutting an escape", () => {
    const text = `${"a".repeat(152)}€${"b".repeat(10)}`; // € is ESC + e: two septets
    const segments = encodeSms(text, 0x2a);
    expect(segments).toHaveLength(2);
    const [first, second] = segments;
    expect([...first!.shortMessage.subarray(0, 6)]).toEqual([5, 0, 3, 0x2a, 2, 1]);
    expect([...second!.shortMessage.subarray(0, 6)]).toEqual([5, 0, 3, 0x2a, 2, 2]);
    expect(first!.shortMessage.length).toBe(6 + 152);
    expect(second!.shortMessage[6]).toBe(0x1b);
    expect(first!.esmClass & UDHI).toBe(UDHI);
  });

  it("sends Arabic in UCS-2: 70 characters in one segment, 67 per part beyond", () => {
    const short = "تم تسجيل مطلبكم";
    const [one] = encodeSms(short, 1);
    expect(one!.dataCoding).toBe(DATA_CODING.ucs2);
    expect(Buffer.from(one!.shortMessage).swap16().toString("utf16le")).toBe(short);
    expect(encodeSms("ب".repeat(70), 1)).toHaveLength(1);
    const parts = encodeSms("ب".repeat(71), 1);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.shortMessage.length).toBe(6 + 134);
  });

  it("never splits a surrogate pair", () => {
    const text = `${"ب".repeat(66)}😀${"ب".repeat(10)}`;
    const parts = encodeSms(text, 1);
    const joined = parts.map((p) => Buffer.from(p.shortMessage.subarray(6)).swap16().toString("utf16le"));
    expect(joined.join("")).toBe(text);
    expect(joined[0]).toBe("ب".repeat(66));
  });
});
