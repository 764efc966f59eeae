/** PostgreSQL's SQLSTATE of an error, whether raised by pg, PGlite, or wrapped by drizzle. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e?.code === "string") return e.code;
  return typeof e?.cause?.code === "string" ? e.cause.code : undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";
