import type { LocalizedText } from "../i18n/localized.js";
import { pickLocalized } from "../i18n/localized.js";
import { usePage } from "./context.js";

/** Text in the page's language, or in the fallback language marked with its own lang and dir. */
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

/** The name for places where markup cannot go (titles, option labels). */
export function usePlainName(): (text: LocalizedText | null | undefined) => string {
  const { locale } = usePage();
  return (text) => pickLocalized(text, locale).text;
}
