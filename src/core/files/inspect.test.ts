import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inspectUpload } from "./inspect.js";

async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "SecretPhone 9", Copyright: "Leila Ben Ali" } })
    .toBuffer();
}

describe("inspectUpload", () => {
  it("re-encodes a photo without any of its metadata", async () => {
    const original = await photoWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await inspectUpload(original, { maxBytes: 1_000_000, accept: ["image", "pdf"] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const meta = await sharp(result.file.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(result.file.data.includes(Buffer.from("SecretPhone"))).toBe(false);
    expect(result.file.mime).toBe("image/jpeg");
  });

  it("judges by content: an executable renamed .jpg is refused", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);
    expect(await inspectUpload(exe, { maxBytes: 1_000_000, accept: ["image", "pdf"] })).toEqual({
      ok: false,
      problem: "type",
    });
  });

  it("accepts a PDF only where PDFs are accepted", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    expect((await inspectUpload(pdf, { maxBytes: 1_000_000, accept: ["image", "pdf"] })).ok).toBe(true);
    expect(await inspectUpload(pdf, { maxBytes: 1_000_000, accept: ["image"] })).toEqual({
      ok: false,
      problem: "type",
    });
  });

  it("refuses empty, oversize and corrupt files", async () => {
    const opts = { maxBytes: 100, accept: ["image" as const] };
    expect(await inspectUpload(Buffer.alloc(0), opts)).toEqual({ ok: false, problem: "empty" });
    expect(await inspectUpload(Buffer.alloc(101, 1), opts)).toEqual({ ok: false, problem: "tooLarge" });
    const truncated = (await photoWithExif()).subarray(0, 60);
    expect((await inspectUpload(truncated, { maxBytes: 1_000_000, accept: ["image"] })).ok).toBe(false);
  });
});
