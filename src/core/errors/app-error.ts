/**
 * The catalogue of errors Sharek shows. Each has a stable code (in JSON answers and logs),
 * an HTTP status and a message key under "errors.<key>" in every language.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly key: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export class NotFoundError extends AppError {
  constructor() {
    super("not_found", 404, "notFound");
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super("forbidden", 403, "forbidden");
  }
}

export class UnauthorizedError extends AppError {
  constructor() {
    super("unauthorized", 401, "unauthorized");
  }
}

export class CsrfError extends AppError {
  constructor() {
    super("csrf_invalid", 403, "csrf");
  }
}

export class BadRequestError extends AppError {
  constructor(details?: Record<string, unknown>) {
    super("bad_request", 400, "badRequest", details);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor() {
    super("payload_too_large", 413, "payloadTooLarge");
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super("unsupported_media_type", 415, "unsupportedMediaType");
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super("rate_limited", 429, "rateLimited", { retryAfterSeconds });
  }
}

/** Too many forms with files are being read right now (UPLOAD_CONCURRENCY): try again shortly. */
export class UploadsBusyError extends AppError {
  constructor() {
    super("uploads_busy", 503, "uploadsBusy", { retryAfterSeconds: 30 });
  }
}

export class ConflictError extends AppError {
  constructor() {
    super("conflict", 409, "conflict");
  }
}

export class InternalError extends AppError {
  constructor() {
    super("internal", 500, "internal");
  }
}

export class UnavailableError extends AppError {
  constructor() {
    super("unavailable", 503, "unavailable");
  }
}

/** Maps anything thrown (ours, Fastify's, a plugin's) to one AppError; unknown errors become 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; statusCode?: number; validation?: unknown };
  switch (true) {
    case e.code?.startsWith("FST_CSRF"):
      return new CsrfError();
    case e.code === "FST_ERR_CTP_BODY_TOO_LARGE" || e.code === "FST_REQ_FILE_TOO_LARGE":
    case e.code === "FST_FILES_LIMIT" || e.code === "FST_PARTS_LIMIT" || e.code === "FST_FIELDS_LIMIT":
      return new PayloadTooLargeError();
    case e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new UnsupportedMediaTypeError();
    case e.validation !== undefined || e.code === "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
    case e.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || e.code === "FST_ERR_CTP_INVALID_JSON_BODY":
      return new BadRequestError();
    case e.statusCode === 404:
      return new NotFoundError();
    case e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500:
      return new BadRequestError();
    default:
      return new InternalError();
  }
}
