import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
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
