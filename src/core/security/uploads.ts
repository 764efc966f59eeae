import type { Multipart, MultipartFile, MultipartValue } from "@fastify/multipart";
import type { FastifyRequest, preValidationAsyncHookHandler } from "fastify";
import type { UploadedFile } from "../forms.js";
import { stripNul } from "./input.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Set on the routes that take files (multipart forms), with their limits; their handler reads
     * the form with readUpload(). Any other route refuses a multipart body (415) without reading it.
     */
    upload?: UploadLimits;
  }
}

export interface UploadLimits {
  /** Bytes per file; a longer file reaches the route cut short and marked truncated. */
  maxFileSize: number;
  /** Files the form takes. One more still reaches the route, so it can say "too many"; past that, 413. */
  maxFiles: number;
}

/** What every multipart form may hold besides its files. */
const FIELD_LIMITS = { fields: 40, fieldSize: 64 * 1024, fieldNameSize: 100, headerPairs: 20 };

interface OpenUpload {
  parts: AsyncIterator<Multipart>;
  /** The text fields sent before the first file (the Form component renders _csrf first). */
  fields: Record<string, string>;
  /** The first file, not read yet. */
  file: MultipartFile | undefined;
}

const openUploads = new WeakMap<FastifyRequest, OpenUpload>();

/** The CSRF token an upload form sent as its first part, if this request is one. */
export function uploadCsrfToken(request: FastifyRequest): string | undefined {
  return openUploads.get(request)?.fields._csrf;
}

/** At most `limit` uploads are read at once by this process; past that, callers are turned away. */
export class UploadSlots {
  private used = 0;
  private readonly holders = new WeakSet<FastifyRequest>();

  constructor(private readonly limit: number) {}

  take(request: FastifyRequest): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    this.holders.add(request);
    return true;
  }

  release(request: FastifyRequest): void {
    if (this.holders.delete(request)) this.used--;
  }
}

/**
 * The first step of an upload route, before the CSRF check: starts reading the multipart body and
 * reads its text fields up to the first file, which must carry _csrf. A form with a file takes an
 * upload slot there (or gets 503 through `busy`); one with no file needs none. Not one byte of a
 * file is read before the token is checked, the session is known and the route's own checks have
 * run: the handler reads on with readUpload().
 */
export function beginUpload(
  limits: UploadLimits,
  slots: UploadSlots,
  busy: () => Error,
): preValidationAsyncHookHandler {
  return async (request) => {
    if (!request.isMultipart()) return;
    const parts = request
      .parts({
        limits: { ...FIELD_LIMITS, fileSize: limits.maxFileSize, files: limits.maxFiles + 1, parts: 60 },
      })
      [Symbol.asyncIterator]();
    const upload: OpenUpload = { parts, fields: {}, file: undefined };
    openUploads.set(request, upload);
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      if (next.value.type === "file") {
        if (!slots.take(request)) throw busy();
        upload.file = next.value;
        return;
      }
      addField(upload.fields, next.value);
    }
  };
}

/** The first value of each text field, like a urlencoded form, without NUL characters. */
function addField(fields: Record<string, string>, part: MultipartValue): void {
  if (typeof part.value === "string" && !(part.fieldname in fields))
    fields[part.fieldname] = stripNul(part.value);
}

/**
 * The form of an upload route: its text fields (the first value of each, without NUL characters,
 * like a urlencoded form) and its files (empty file inputs skipped), read within the route's
 * limits. A route's form sent urlencoded (no file chosen, no JavaScript…) reads the same way.
 */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  const files: UploadedFile[] = [];
  const upload = openUploads.get(request);
  if (!upload) {
    const fields: Record<string, string> = {};
    const body = request.body;
    if (body && typeof body === "object")
      for (const [name, value] of Object.entries(body)) if (typeof value === "string") fields[name] = value;
    return { fields, files };
  }
  const { fields } = upload;
  let part: Multipart | undefined = upload.file;
  while (part) {
    if (part.type === "file") {
      const data = await part.toBuffer();
      if (data.length > 0) files.push({ field: part.fieldname, data, truncated: part.file.truncated });
    } else addField(fields, part);
    const next = await upload.parts.next();
    part = next.done ? undefined : next.value;
  }
  return { fields, files };
}
