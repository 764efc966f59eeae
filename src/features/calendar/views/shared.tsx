import { INTL_TAG } from "../../../core/i18n/catalog.js";
import { type Locale, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { usePage } from "../../../core/views/context.js";

/** Text published in three languages, marked with its language when it falls back to another. */
export function Localized({ text }: { text: LocalizedText | null | undefined }) {
  const { locale } = usePage();
  const picked = pickLocalized(text, locale);
  if (picked.lang === locale) return <>{picked.text}</>;
  return (
    <span lang={picked.lang} dir={picked.lang === "ar" ? "rtl" : "ltr"}>
      {picked.text}
    </span>
  );
}

/** A calendar day ("YYYY-MM-DD") in words, with its weekday: "vendredi 20 mars 2026". */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A fixed holiday's month and day in words: "20 mars". */
export function formatMonthDay(month: number, day: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, day)),
  );
}

/** A month's name in the page's language (Tunisian Arabic uses جانفي, فيفري…). */
export function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}
