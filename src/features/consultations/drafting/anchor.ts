/**
 * Where a passage comment points: a paragraph of a section in one language, the words quoted, and
 * their offsets (in UTF-16 code units, as the browser's selection gives them) in that paragraph, in
 * the version of the text the comment was made on.
 */
export interface PassageAnchor {
  version: number;
  lang: string;
  paragraph: number;
  quote: string;
  start: number;
  end: number;
}

/** The paragraphs of a section's text: lines separated by one or more line breaks, trimmed. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A section's text again from its paragraphs (one blank line between two). */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join("\n\n");
}

/** Where an anchor stands in a later text: the same words at the same place, moved, or changed. */
export type AnchorState =
  | { state: "unchanged"; paragraph: number; start: number; end: number }
  | { state: "moved"; paragraph: number; start: number; end: number }
  | { state: "changed" };

/**
 * Finds an anchored passage in a (later) version's paragraphs: unchanged when its paragraph still
 * has the quoted words at the same offsets; moved when the words are found elsewhere in that
 * paragraph or, once only, in another; changed otherwise (the comment then says the passage changed).
 */
export function locateAnchor(anchor: PassageAnchor, paragraphs: readonly string[]): AnchorState {
  const same = paragraphs[anchor.paragraph];
  if (same !== undefined && same.slice(anchor.start, anchor.end) === anchor.quote)
    return { state: "unchanged", paragraph: anchor.paragraph, start: anchor.start, end: anchor.end };
  if (anchor.quote.length === 0) return { state: "changed" };
  if (same !== undefined) {
    const at = same.indexOf(anchor.quote);
    if (at >= 0 && same.indexOf(anchor.quote, at + 1) < 0)
      return { state: "moved", paragraph: anchor.paragraph, start: at, end: at + anchor.quote.length };
  }
  const hits: Array<{ paragraph: number; at: number }> = [];
  paragraphs.forEach((p, i) => {
    const at = p.indexOf(anchor.quote);
    if (at >= 0 && p.indexOf(anchor.quote, at + 1) < 0) hits.push({ paragraph: i, at });
    else if (at >= 0) hits.push({ paragraph: i, at: -1 });
  });
  const [hit] = hits;
  if (hits.length === 1 && hit && hit.at >= 0)
    return { state: "moved", paragraph: hit.paragraph, start: hit.at, end: hit.at + anchor.quote.length };
  return { state: "changed" };
}

/**
 * Checks an anchor sent by a form against the paragraph: the offsets must lie in it and hold the
 * quoted words. A form without JavaScript sends the paragraph alone: the whole paragraph is quoted.
 */
export function anchorIn(
  paragraphs: readonly string[],
  input: { paragraph: number; start?: number; end?: number; quote?: string },
): { paragraph: number; quote: string; start: number; end: number } | null {
  const p = paragraphs[input.paragraph];
  if (p === undefined) return null;
  if (input.start === undefined || input.end === undefined || !input.quote)
    return { paragraph: input.paragraph, quote: p, start: 0, end: p.length };
  if (input.start < 0 || input.end > p.length || input.start >= input.end) return null;
  if (p.slice(input.start, input.end) !== input.quote) return null;
  return { paragraph: input.paragraph, quote: input.quote, start: input.start, end: input.end };
}
