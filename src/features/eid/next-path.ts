/**
 * A `next` address made safe: a path on this site only ("/fr/…"). Refused: other sites ("//evil",
 * "/\\evil", "https:…"), and any space or control character, since browsers drop tabs and newlines
 * from URLs and "/\t/evil" would become "//evil".
 */
export function localNext(next: unknown, fallback: string): string {
  return typeof next === "string" && next.length <= 2000 && /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/.test(next)
    ? next
    : fallback;
}
