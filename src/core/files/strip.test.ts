import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { withoutMetadata } from "./strip.js";

const SERIAL = "SN-0042-SERIAL";
const exif = {
  IFD0: { Make: "PhoneMaker", Model: "Phone X" },
  IFD2: { BodySerialNumber: SERIAL },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 48/1 30/1" },
};
const canvas = () =>
  sharp({ create: { width: 24, height: 16, channels: 3, background: "#3a7" } }).composite([
    {
      input: { create: { width: 8, height: 8, channels: 3, background: "#f00" } },
      left: 0,
      top: 0,
    },
  ]);
const pixels = async (data: Buffer) => sharp(data).rotate().raw().toBuffer();

describe("withoutMetadata", () => {
  it("keeps a progressive JPEG's image data and orientation, drops GPS, serials and XMP", async () => {
    const photo = await sharp(await canvas().jpeg({ progressive: true }).toBuffer())
      .withMetadata({ orientation: 6 })
      .withExif(exif)
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>')
      .jpeg({ progressive: true })
      .toBuffer();
    const { data, extension } = await withoutMetadata(photo);
    expect(extension).toBe("jpg");
    for (const needle of [SERIAL, "PhoneMaker", "xmpmeta"])
      expect(data.includes(Buffer.from(needle))).toBe(false);
    const meta = await sharp(data).metadata();
    expect(meta.orientation).toBe(6);
    expect(meta.xmp).toBeUndefined();
    expect(await pixels(data)).toEqual(await pixels(photo));
  });

  it("drops a PNG's text and EXIF chunks, and re-encodes other formats losslessly", async () => {
    const png = await canvas().png().withExif(exif).toBuffer();
    expect(png.includes(Buffer.from(SERIAL))).toBe(true);
    const stripped = await withoutMetadata(png);
    expect(stripped.extension).toBe("png");
    expect(stripped.data.includes(Buffer.from(SERIAL))).toBe(false);
    expect(await pixels(stripped.data)).toEqual(await pixels(png));

    const webp = await canvas().webp({ lossless: true }).withExif(exif).toBuffer();
    const fromWebp = await withoutMetadata(webp);
    expect(fromWebp.extension).toBe("png");
    expect(fromWebp.data.includes(Buffer.from(SERIAL))).toBe(false);
    expect(await pixels(fromWebp.data)).toEqual(await pixels(webp));
  });
});
