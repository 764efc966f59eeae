import { fileTypeFromBuffer } from "file-type";

export type AcceptedKind = "image" | "pdf";

export interface InspectedFile {
  kind: AcceptedKind;
  mime: string;
  extension: string;
  /** For images: re-encoded, so no EXIF, GPS or other metadata is left. PDFs: as uploaded. */
  data: Buffer;
}

export type InspectProblem = "empty" | "tooLarge" | "type" | "unreadable";

const IMAGE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
  "image/heif",
  "image/gif",
]);
/** Longest side of a re-encoded image: plenty for a photo of a pothole, kind to slow connections. */
const MAX_IMAGE_SIDE = 2560;

/**
 * Checks an upload by its content (never its name or declared type) and makes it safe to keep:
 * images are decoded and re-encoded (orientation applied, every metadata block dropped); PDFs pass
 * as they are. Anything else is refused.
 */
export async function inspectUpload(
  data: Buffer,
  options: { maxBytes: number; accept: AcceptedKind[] },
): Promise<{ ok: true; file: InspectedFile } | { ok: false; problem: InspectProblem }> {
  if (data.length === 0) return { ok: false, problem: "empty" };
  if (data.length > options.maxBytes) return { ok: false, problem: "tooLarge" };
  const detected = await fileTypeFromBuffer(data);
  if (detected?.mime === "application/pdf" && options.accept.includes("pdf")) {
    return { ok: true, file: { kind: "pdf", mime: "application/pdf", extension: "pdf", data } };
  }
  if (!detected || !IMAGE_TYPES.has(detected.mime) || !options.accept.includes("image")) {
    return { ok: false, problem: "type" };
  }
  // Loaded on the first image only: libvips holds about 25 MB that a server without uploads never needs.
  const { default: sharp } = await import("sharp");
  try {
    const keepsAlpha =
      detected.mime === "image/png" || detected.mime === "image/webp" || detected.mime === "image/gif";
    const pipeline = sharp(data, { failOn: "error", limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true });
    const encoded = keepsAlpha
      ? await pipeline.png().toBuffer()
      : await pipeline.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    return {
      ok: true,
      file: {
        kind: "image",
        mime: keepsAlpha ? "image/png" : "image/jpeg",
        extension: keepsAlpha ? "png" : "jpg",
        data: encoded,
      },
    };
  } catch {
    return { ok: false, problem: "unreadable" };
  }
}
