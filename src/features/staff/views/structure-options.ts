import { INTL_TAG } from "../../../core/i18n/catalog.js";
import { type Locale, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import type { SelectOption } from "../../../core/views/components/select/select.js";

/** Structures as select options, named in the page's language and sorted as its readers expect. */
export function structureOptions(
  structures: ReadonlyArray<{ id: string; name: LocalizedText }>,
  locale: Locale,
): SelectOption[] {
  const collator = new Intl.Collator(INTL_TAG[locale]);
  return structures
    .map((s) => ({ value: s.id, text: pickLocalized(s.name, locale).text }))
    .sort((a, b) => collator.compare(a.text, b.text));
}
