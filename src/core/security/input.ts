/** Drops NUL characters, which PostgreSQL text cannot hold (and no form or search needs). */
export function stripNul(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

/** Drops NUL characters from every string of a parsed query, params or body, in place. */
export function stripNulDeep(value: unknown): unknown {
  if (typeof value === "string") return stripNul(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = stripNulDeep(value[i]);
  } else if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = stripNulDeep(record[key]);
  }
  return value;
}
