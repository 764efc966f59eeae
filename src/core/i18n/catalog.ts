import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./localized.js";

type Tree = { [key: string]: string | Tree };
export type Messages = Record<string, string>;
export type Translate = (key: string, values?: Record<string, unknown>) => string;

const SRC = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Where messages live: each module's own i18n folder, src/core/<module>/i18n and
 * src/features/<module>/i18n, holding ar.json, fr.json and en.json. Keys are namespaced by the
 * module's name: "title" in src/features/home/i18n is "home.title". A part of a module may keep its
 * own folder one level down: src/features/cases/workspace/i18n gives "cases.workspace.…".
 */
export function catalogFolders(): Array<{ dir: string; prefix: string }> {
  const folders: Array<{ dir: string; prefix: string }> = [];
  for (const area of ["core", "features"]) {
    for (const module of readdirSync(join(SRC, area)).sort()) {
      const root = join(SRC, area, module);
      if (existsSync(join(root, "i18n"))) folders.push({ dir: join(root, "i18n"), prefix: `${module}.` });
      if (!statSync(root).isDirectory()) continue;
      for (const part of readdirSync(root).sort()) {
        const dir = join(root, part, "i18n");
        if (part !== "i18n" && existsSync(dir)) folders.push({ dir, prefix: `${module}.${part}.` });
      }
    }
  }
  return folders;
}

function flatten(tree: Tree, prefix: string, out: Messages): Messages {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out[prefix + key] = value;
    else flatten(value, `${prefix + key}.`, out);
  }
  return out;
}

export function loadMessages(locale: Locale): Messages {
  const out: Messages = {};
  for (const { dir, prefix } of catalogFolders()) {
    flatten(JSON.parse(readFileSync(join(dir, `${locale}.json`), "utf8")) as Tree, prefix, out);
  }
  return out;
}

/** BCP 47 tags for Intl: Tunisian Arabic and French conventions, British English. */
export const INTL_TAG: Record<Locale, string> = { ar: "ar-TN", fr: "fr-TN", en: "en-GB" };

const catalogs = new Map<Locale, Messages>();
const compiled = new Map<string, IntlMessageFormat>();

export function messagesFor(locale: Locale): Messages {
  let messages = catalogs.get(locale);
  if (!messages) {
    messages = loadMessages(locale);
    catalogs.set(locale, messages);
  }
  return messages;
}

/** A translate function for one locale: ICU MessageFormat, with plurals and Intl number formatting. */
export function translator(locale: Locale): Translate {
  const messages = messagesFor(locale);
  return (key, values) => {
    const cacheKey = `${locale}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const message = messages[key];
      if (message === undefined) return key;
      format = new IntlMessageFormat(message, INTL_TAG[locale]);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values as Record<string, string | number>));
  };
}
