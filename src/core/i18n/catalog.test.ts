import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogFolders, INTL_TAG, loadMessages, translator } from "./catalog.js";
import { LOCALES } from "./localized.js";

describe("translations", () => {
  it("have identical key sets in ar, fr and en, in every module", () => {
    for (const { dir } of catalogFolders()) {
      const keys = LOCALES.map((l) => {
        const flat = Object.keys(
          flattenJson(JSON.parse(readFileSync(join(dir, `${l}.json`), "utf8"))),
        ).sort();
        return { l, flat };
      });
      for (const { l, flat } of keys.slice(1)) {
        expect(flat, `${dir}/${l}.json differs from ar.json`).toEqual(keys[0]?.flat);
      }
    }
  });

  it("are valid ICU messages in every locale", () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(loadMessages(locale))) {
        expect(() => new IntlMessageFormat(message, INTL_TAG[locale]), `${locale}:${key}`).not.toThrow();
      }
    }
  });

  it("give Arabic plurals all six forms where a message is plural", () => {
    for (const [key, message] of Object.entries(loadMessages("ar"))) {
      if (!message.includes(", plural,")) continue;
      for (const form of ["zero", "one", "two", "few", "many", "other"]) {
        expect(message, `ar:${key} lacks "${form}"`).toMatch(new RegExp(`\\b${form} \\{`));
      }
    }
  });

  it("format plurals and numbers for each language", () => {
    expect(translator("ar")("home.kind.ministry", { count: 2 })).toBe("وزارتان");
    expect(translator("ar")("home.kind.ministry", { count: 5 })).toBe("وزارات");
    expect(translator("fr")("home.kind.ministry", { count: 24 })).toBe("ministères");
    expect(translator("en")("home.kind.ministry", { count: 1 })).toBe("ministry");
  });

  it("namespace keys by module, and no two modules share a name", () => {
    const prefixes = catalogFolders().map((f) => f.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(loadMessages("fr")["errors.notFound.title"]).toBe("Page introuvable");
  });
});

function flattenJson(tree: Record<string, unknown>, prefix = "", out: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out[prefix + k] = v;
    else flattenJson(v as Record<string, unknown>, `${prefix + k}.`, out);
  }
  return out;
}
