import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { INTL_TAG } from "../../../../src/core/i18n/catalog.js";
import { LOCALES } from "../../../../src/core/i18n/localized.js";

type Tree = { [key: string]: string | Tree };

const FOLDERS = {
  views: new URL("../../../../src/core/views/i18n/", import.meta.url),
  gallery: new URL("../../../../src/features/gallery/i18n/", import.meta.url),
};

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    if (typeof value === "string") out[prefix + key] = value;
    else Object.assign(out, flatten(value, `${prefix + key}.`));
    return out;
  }, {});
}

describe.each(Object.entries(FOLDERS))("%s messages", (_name, folder) => {
  const catalogs = Object.fromEntries(
    LOCALES.map((l) => [l, flatten(JSON.parse(readFileSync(new URL(`${l}.json`, folder), "utf8")))]),
  );

  it("have the same keys in Arabic, French and English", () => {
    const en = Object.keys(catalogs.en!).sort();
    expect(Object.keys(catalogs.ar!).sort()).toEqual(en);
    expect(Object.keys(catalogs.fr!).sort()).toEqual(en);
  });

  it.each(LOCALES)("are valid ICU messages in %s", (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale]!)) {
      expect(() => new IntlMessageFormat(message, INTL_TAG[locale]), key).not.toThrow();
      expect(message.trim(), key).not.toBe("");
    }
  });

  it("give every Arabic plural its six forms", () => {
    for (const [key, message] of Object.entries(catalogs.ar!)) {
      if (!message.includes(", plural,")) continue;
      for (const form of ["zero", "one", "two", "few", "many", "other"]) {
        expect(message, `${key} lacks "${form}"`).toMatch(new RegExp(`\\b${form} \\{`));
      }
    }
  });
});
