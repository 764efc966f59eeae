import { LOCALES, type Locale, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import type { StructurePageData } from "./structure-page.js";

const text = (value: LocalizedText | undefined, locale: Locale) =>
  value ? pickLocalized(value, locale).text || undefined : undefined;

/**
 * A structure as schema.org's GovernmentOrganization: its name (the others as alternate names), its
 * page, how to reach it, where it is and the structure above it, for search engines.
 */
export function structureJsonLd(
  { structure, ancestors, governorate }: StructurePageData,
  publicUrl: string,
  locale: Locale,
): Record<string, unknown> {
  const name = text(structure.name, locale);
  const parent = ancestors.at(-1);
  const { email, phone, address } = structure.contact;
  return {
    "@type": "GovernmentOrganization",
    name,
    alternateName: LOCALES.map((l) => structure.name[l]).filter((n) => n && n !== name),
    description: text(structure.summary, locale),
    url: `${publicUrl}/${locale}/structures/${structure.code}`,
    email,
    telephone: phone,
    address: {
      "@type": "PostalAddress",
      streetAddress: text(address, locale),
      addressRegion: text(governorate?.name, locale),
      addressCountry: "TN",
    },
    parentOrganization: parent && {
      "@type": "GovernmentOrganization",
      name: text(parent.name, locale),
      url: `${publicUrl}/${locale}/structures/${parent.code}`,
    },
  };
}
