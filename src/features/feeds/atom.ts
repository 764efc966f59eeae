import type { FeedEntry } from "../../core/features/contracts.js";
import { type Locale, type LocalizedText, pickLocalized } from "../../core/i18n/localized.js";
import { xmlText as xml } from "../../core/xml.js";

/** The longest summary an entry carries, in characters (the page holds the rest). */
const SUMMARY_LENGTH = 500;

/** The text in the feed's language (or the nearest one there is), and that language. */
function pick(
  text: LocalizedText | string | undefined,
  locale: Locale,
): { text: string; lang: Locale | null } {
  if (typeof text === "string") return { text, lang: null };
  return pickLocalized(text, locale);
}

const shorten = (text: string) =>
  [...text].length > SUMMARY_LENGTH
    ? `${[...text]
        .slice(0, SUMMARY_LENGTH - 1)
        .join("")
        .trimEnd()}…`
    : text;

/** A text element, marked with its own language when it is not the feed's. */
function textElement(name: string, value: { text: string; lang: Locale | null }, locale: Locale): string {
  const lang = value.lang && value.lang !== locale ? ` xml:lang="${value.lang}"` : "";
  return `<${name} type="text"${lang}>${xml(value.text)}</${name}>`;
}

export interface AtomFeed {
  locale: Locale;
  /** Absolute: the feed's own address, also its id. */
  selfUrl: string;
  /** Absolute: the page the feed follows. */
  pageUrl: string;
  title: string;
  author: string;
  /** Absolute: where the entries' paths start ("https://sharek.tn/ar"). */
  base: string;
  entries: FeedEntry[];
}

/**
 * An Atom 1.0 document (RFC 4287): the feed's id, title, updated, author and links, then each entry
 * with its id (its page's absolute address), title, updated, published, link and summary.
 */
export function atomFeed(feed: AtomFeed, now: Date = new Date()): string {
  const { locale } = feed;
  const newest = feed.entries.reduce<Date | null>((d, e) => (!d || e.updated > d ? e.updated : d), null);
  const entries = feed.entries.map((e) => {
    const url = `${feed.base}${e.path}`;
    const summary = pick(e.summary, locale);
    return [
      "  <entry>",
      `    <id>${xml(url)}</id>`,
      `    ${textElement("title", pick(e.title, locale), locale)}`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      ...(e.published ? [`    <published>${e.published.toISOString()}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      ...(summary.text
        ? [`    ${textElement("summary", { ...summary, text: shorten(summary.text) }, locale)}`]
        : []),
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xml(feed.selfUrl)}</id>`,
    `  <title type="text">${xml(feed.title)}</title>`,
    `  <updated>${(newest ?? now).toISOString()}</updated>`,
    `  <author><name>${xml(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(feed.pageUrl)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
