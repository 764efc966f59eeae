/*
 * Removes what a photo says about where it was taken and with which device, while keeping what
 * it shows: for JPEG and PNG the image data stays byte for byte as it was sent (the compressed
 * stream is copied, not re-encoded), so it still proves the picture is unaltered; only metadata
 * blocks go (EXIF with its GPS data, maker notes and serial numbers, XMP, IPTC, comments,
 * embedded thumbnails and extra images). Other formats are re-encoded losslessly at full size.
 */

const JPEG_KEPT_APP = [
  { marker: 0xe0, signature: "JFIF\0" }, // pixel density, needed by some decoders
  { marker: 0xe2, signature: "ICC_PROFILE\0" }, // colours
  { marker: 0xee, signature: "Adobe" }, // colour transform of CMYK/YCCK images
];

/** Chunks that say how to draw a PNG; every other one (text, eXIf, tIME, private ones) goes. */
const PNG_KEPT = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "cHRM",
  "gAMA",
  "iCCP",
  "sBIT",
  "sRGB",
  "cICP",
  "mDCv",
  "cLLi",
  "bKGD",
  "hIST",
  "pHYs",
  "sPLT",
  "acTL",
  "fcTL",
  "fdAT",
]);

/** An EXIF block holding nothing but the orientation, so the photo still shows the right way up. */
function orientationOnlyExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // the first IFD follows the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  // next IFD offset: 0 (already zero)
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(2 + 6 + tiff.length, 2);
  return Buffer.concat([header, Buffer.from("Exif\0\0", "latin1"), tiff]);
}

function stripJpeg(data: Buffer, orientation: number): Buffer {
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new Error("not a JPEG");
  const out: Buffer[] = [data.subarray(0, 2)];
  let orientationWritten = orientation <= 1;
  let pos = 2;
  for (;;) {
    if (data[pos] !== 0xff) throw new Error("broken JPEG");
    while (data[pos + 1] === 0xff) pos++; // fill bytes
    const marker = data[pos + 1]!;
    if (marker === 0xd9) {
      out.push(data.subarray(pos, pos + 2)); // end of image: whatever trails it (extra images) goes
      return Buffer.concat(out);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(data.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    const end = pos + 2 + data.readUInt16BE(pos + 2);
    if (end > data.length) throw new Error("truncated JPEG");
    const segment = data.subarray(pos, end);
    const isApp = (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;
    if (!isApp && !orientationWritten) {
      out.push(orientationOnlyExif(orientation));
      orientationWritten = true;
    }
    const kept =
      !isApp ||
      JPEG_KEPT_APP.some(
        (k) =>
          k.marker === marker &&
          segment.subarray(4, 4 + k.signature.length).toString("latin1") === k.signature,
      );
    if (kept) out.push(segment);
    pos = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF nor a restart.
      let i = pos;
      while (
        i < data.length - 1 &&
        !(data[i] === 0xff && data[i + 1] !== 0 && !(data[i + 1]! >= 0xd0 && data[i + 1]! <= 0xd7))
      )
        i++;
      if (i >= data.length - 1) throw new Error("truncated JPEG");
      out.push(data.subarray(pos, i));
      pos = i;
    }
  }
}

function stripPng(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, 8)];
  let pos = 8;
  while (pos + 12 <= data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.subarray(pos + 4, pos + 8).toString("latin1");
    const end = pos + 12 + length;
    if (end > data.length) throw new Error("truncated PNG");
    if (PNG_KEPT.has(type)) out.push(data.subarray(pos, end));
    pos = end;
    if (type === "IEND") return Buffer.concat(out);
  }
  throw new Error("truncated PNG");
}

/**
 * The image without location, device or author metadata. JPEG and PNG keep their image data
 * byte for byte (and a JPEG its orientation); other formats become a lossless PNG of the same
 * pixels, turned the right way up. Throws when the image cannot be read.
 */
export async function withoutMetadata(data: Buffer): Promise<{ data: Buffer; extension: string }> {
  const { default: sharp } = await import("sharp");
  const { format, orientation = 1 } = await sharp(data).metadata();
  try {
    const stripped =
      format === "jpeg"
        ? { data: stripJpeg(data, orientation), extension: "jpg" }
        : format === "png" && orientation === 1
          ? { data: stripPng(data), extension: "png" }
          : null;
    if (stripped) {
      // Decoded (small, cheaply) to be sure the stripped file is still a whole image.
      await sharp(stripped.data, { failOn: "error" }).resize(64, 64, { fit: "inside" }).raw().toBuffer();
      return stripped;
    }
  } catch {
    // A file the byte-level pass cannot follow is re-encoded below.
  }
  const png = await sharp(data, { failOn: "error", limitInputPixels: 50_000_000 }).rotate().png().toBuffer();
  return { data: png, extension: "png" };
}
