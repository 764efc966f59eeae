/*
 * Highlighted excerpts, computed here rather than by ts_headline: the text is matched in the same
 * folded form the database compares (search_fold: Arabic diacritics, tatweel, hamza and taa marbuta
 * forms, French accents, case), and the result is plain segments that the view renders as text and
 * <mark> elements, so nothing a person wrote is ever read as markup.
 */

/** A piece of text, marked when it matched the query. */
export interface Segment {
  text: string;
  mark: boolean;
}

const ARABIC_REMOVED = /[\u064B-\u0652\u0670\u0640]/;
const FOLDED: Record<string, string> = {
  آ: "ا",
  أ: "ا",
  إ: "ا",
  ٱ: "ا",
  ى: "ي",
  ة: "ه",
  à: "a",
  â: "a",
  ä: "a",
  é: "e",
  è: "e",
  ê: "e",
  ë: "e",
  î: "i",
  ï: "i",
  ô: "o",
  ö: "o",
  ù: "u",
  û: "u",
  ü: "u",
  ÿ: "y",
  ç: "c",
  œ: "o",
  æ: "a",
};

/** One character as search_fold() reads it: "" when dropped (a diacritic), else its folded form. */
function foldChar(c: string): string {
  if (ARABIC_REMOVED.test(c)) return "";
  const lower = c.toLowerCase();
  return FOLDED[lower] ?? lower;
}

/** The text in search_fold()'s form. */
export function fold(text: string): string {
  return [...text].map(foldChar).join("");
}

const WORD = /[\p{L}\p{N}]/u;
/** What Arabic writes joined before a word (the article, "and", "with", "for"…), folded. */
const ARABIC_PREFIXES = new Set(["ال", "و", "وال", "ب", "بال", "ل", "لل", "ف", "فال", "ك", "كال"]);

/**
 * The words of a query, folded, cut to a stem-like prefix (so "réforme" marks "réformes" and
 * "مواطنين" marks "المواطنون"): a long word loses its last two letters.
 */
export function queryStems(q: string): string[] {
  const words = fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  const stems = words.map((w) => (w.length > 4 ? w.slice(0, w.length - 2) : w));
  return [...new Set(stems)].slice(0, 8);
}

/** Markdown's marks (emphasis, headings, quotes, code, links) dropped, whitespace made single. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>|~]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The spans [start, end) of `text` where a word holds one of the stems, extended to the word's end. */
function matches(text: string, stems: string[]): Array<[number, number]> {
  if (stems.length === 0) return [];
  // The folded text, with where each folded character came from in the original.
  const chars = [...text];
  const origin: number[] = [];
  const offsets: number[] = [];
  let folded = "";
  let offset = 0;
  for (const c of chars) {
    offsets.push(offset);
    for (const f of foldChar(c)) {
      folded += f;
      origin.push(offsets.length - 1);
    }
    offset += c.length;
  }
  offsets.push(offset);
  const spans: Array<[number, number]> = [];
  for (const stem of stems) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(stem, from);
      if (at < 0) break;
      from = at + stem.length;
      // A word that starts with the stem, maybe after an Arabic prefix: "oth" does not mark "nothing".
      let wordStart = at;
      while (wordStart > 0 && WORD.test(folded[wordStart - 1]!)) wordStart--;
      if (wordStart < at && !ARABIC_PREFIXES.has(folded.slice(wordStart, at))) continue;
      let endChar = origin[at + stem.length - 1]! + 1;
      while (endChar < chars.length && WORD.test(chars[endChar]!)) endChar++;
      let startChar = origin[at]!;
      while (startChar > 0 && WORD.test(chars[startChar - 1]!)) startChar--;
      spans.push([offsets[startChar]!, offsets[endChar]!]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

function segmentsOf(text: string, spans: Array<[number, number]>): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The whole text, its matching words marked. */
export function highlight(text: string, q: string): Segment[] {
  return segmentsOf(text, matches(text, queryStems(q)));
}

/**
 * About `length` characters of the text around its first match (its start when nothing matches),
 * cut at spaces, with "…" where text was left out, and the matching words marked.
 */
export function excerpt(text: string, q: string, length = 240): Segment[] {
  const plain = plainText(text);
  if (plain.length <= length) return highlight(plain, q);
  const first = matches(plain, queryStems(q))[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  if (start > 0) {
    const space = plain.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + length);
  if (end < plain.length) {
    const space = plain.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const window = `${start > 0 ? "…" : ""}${plain.slice(start, end)}${end < plain.length ? "…" : ""}`;
  return highlight(window, q);
}
