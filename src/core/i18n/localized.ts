import { text } from "../forms.js";

export const LOCALES = ["ar", "fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ar";

/** Text that officials publish in several languages; any language may be missing. */
export type LocalizedText = Partial<Record<Locale, string>>;

const FALLBACK: Record<Locale, Locale[]> = {
  ar: ["ar", "fr", "en"],
  fr: ["fr", "ar", "en"],
  en: ["en", "fr", "ar"],
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function dirOf(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/**
 * Picks the text for a locale, falling back in a fixed order. Returns the language actually
 * used, so a view can mark the fragment with its own lang/dir when it differs from the page.
 */
export function pickLocalized(
  text: LocalizedText | null | undefined,
  locale: Locale,
): { text: string; lang: Locale } {
  for (const l of FALLBACK[locale]) {
    const value = text?.[l];
    if (value) return { text: value, lang: l };
  }
  return { text: "", lang: locale };
}

/** Keeps only the languages given, trimmed: { ar: "…", fr: "" } → { ar: "…" }. */
export function localized(
  ar: string | undefined,
  fr: string | undefined,
  en: string | undefined,
): LocalizedText {
  const out: LocalizedText = {};
  if (text(ar)) out.ar = text(ar);
  if (text(fr)) out.fr = text(fr);
  if (text(en)) out.en = text(en);
  return out;
}
