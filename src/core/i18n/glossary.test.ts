import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadMessages, type Messages } from "./catalog.js";
import { LOCALES, type Locale } from "./localized.js";

/**
 * docs/glossary.md is the single source of the portal's words: this test reads its tables and fails
 * when a catalogue string uses a variant the glossary says not to use.
 */
const GLOSSARY = fileURLToPath(new URL("../../../docs/glossary.md", import.meta.url));

const HEADER = ["concept", "ar", "fr", "en", "ar: avoid", "fr: avoid", "en: avoid", "applies to"];

interface Rule {
  concept: string;
  locale: Locale;
  variant: string;
  /** Key prefixes where the variant is forbidden; empty means every key. */
  scope: string[];
}

/**
 * Strings that must keep a variant, by "locale:key|variant", with the reason. Keep it small: a new
 * entry needs a reason a reviewer would accept.
 */
const ALLOWED: Record<string, string> = {
  "ar:integrity.fields.whatHint|طلب":
    "the passive verb «طُلب» (what was asked for, as a bribe), not a citizen's request",
  "fr:integrity.closed.prosecutor|plainte":
    "«porter plainte» before the public prosecutor: the term of criminal law",
};

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
}

function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}

function parseGlossary(markdown: string): Rule[] {
  const rules: Rule[] = [];
  let inTable = false;
  for (const line of markdown.split("\n")) {
    if (!line.trim().startsWith("|")) {
      inTable = false;
      continue;
    }
    const row = cells(line);
    if (row.join("\u0000").toLowerCase() === HEADER.join("\u0000")) {
      inTable = true;
      continue;
    }
    if (!inTable || row.every((c) => /^-+$/.test(c))) continue;
    const [concept = "", , , , arAvoid = "", frAvoid = "", enAvoid = "", appliesTo = ""] = row;
    const scope = appliesTo.trim() === "all" ? [] : codeSpans(appliesTo);
    const avoid: Record<Locale, string> = { ar: arAvoid, fr: frAvoid, en: enAvoid };
    for (const locale of LOCALES) {
      for (const variant of codeSpans(avoid[locale])) rules.push({ concept, locale, variant, scope });
    }
  }
  return rules;
}

const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/g;
const ARABIC_LETTER = "[\\u0621-\\u063A\\u0641-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF]";
const PROCLITICS = "(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?";
const SUFFIXES = "(?:ي|ك|ه|ها|نا|كم|هم|هما|ا|ان|ين)?";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

function normalize(text: string, locale: Locale): string {
  const quotes = text.replace(/[’ʼ]/g, "'");
  return locale === "ar" ? quotes.replace(ARABIC_MARKS, "") : quotes;
}

/**
 * Arabic: the variant as a whole word, with or without a conjunction, preposition or article in front
 * and a pronoun suffix behind, short vowels ignored ("طلب" finds "طلبك", "الطلب", "بطلب", "طلبًا" but
 * not "مطلب", "اطلب" or "طلبت"). French and English: the whole word, any case, with or without a final s.
 */
function variantPattern(variant: string, locale: Locale): RegExp {
  const body = escapeRegExp(normalize(variant, locale));
  if (locale === "ar") {
    return new RegExp(`(?<!${ARABIC_LETTER})${PROCLITICS}${body}${SUFFIXES}(?!${ARABIC_LETTER})`, "u");
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}s?(?![\\p{L}\\p{N}])`, "iu");
}

function violations(
  messages: Messages,
  locale: Locale,
  rules: Rule[],
  allowed: Record<string, string> = ALLOWED,
): string[] {
  const found: string[] = [];
  for (const rule of rules.filter((r) => r.locale === locale)) {
    const pattern = variantPattern(rule.variant, locale);
    for (const [key, message] of Object.entries(messages)) {
      if (rule.scope.length > 0 && !rule.scope.some((prefix) => key.startsWith(prefix))) continue;
      if (`${locale}:${key}|${rule.variant}` in allowed) continue;
      if (pattern.test(normalize(message, locale))) {
        found.push(`${locale}:${key} uses «${rule.variant}» (${rule.concept}): ${message.slice(0, 120)}`);
      }
    }
  }
  return found;
}

const rules = parseGlossary(readFileSync(GLOSSARY, "utf8"));

describe("glossary", () => {
  it("is read from docs/glossary.md's tables", () => {
    expect(rules.length).toBeGreaterThan(40);
    const request = rules.filter((r) => r.concept.startsWith("what a citizen sends"));
    expect(request.map((r) => `${r.locale}:${r.variant}`)).toEqual(
      expect.arrayContaining(["ar:طلب", "ar:عريضة", "fr:pétition", "en:petition"]),
    );
    const article = rules.find((r) => r.locale === "ar" && r.variant === "قسم");
    expect(article?.scope).toContain("consultations.");
  });

  it("tells the noun «طلب» from «مطلب», «مطالب» and the verb", () => {
    const forbidden = variantPattern("طلب", "ar");
    for (const text of [
      "تقديم طلب",
      "الطلب رقم 3",
      "تابع طلبك",
      "تم استلام طلبًا",
      "بطلب من صاحبها",
      "للطلب",
    ]) {
      expect(forbidden.test(normalize(text, "ar")), text).toBe(true);
    }
    for (const text of ["تقديم مطلب", "قائمة المطالب", "اطلب وثيقة", "يطلب الهيكل", "طلبتَ مراجعة", "مطلبك"]) {
      expect(forbidden.test(normalize(text, "ar")), text).toBe(false);
    }
    expect(variantPattern("طلبات", "ar").test("الطلبات الواردة")).toBe(true);
    expect(variantPattern("طلبات", "ar").test("طلباتي")).toBe(true);
    expect(variantPattern("section", "fr").test("Sections de l’administration")).toBe(true);
    expect(variantPattern("section", "en").test("a dissection")).toBe(false);
  });

  it("catches a forbidden variant in a catalogue, and respects its scope and the allowlist", () => {
    const fake: Messages = {
      "cases.nav": "تقديم طلب",
      "consultations.page.sectionNumber": "القسم {n}",
      "forum.back": "كل الأقسام",
      "cases.fine": "تقديم مطلب",
    };
    const found = violations(fake, "ar", rules, {});
    expect(found).toHaveLength(2);
    expect(found.join("\n")).toContain("ar:cases.nav uses «طلب»");
    expect(found.join("\n")).toContain("ar:consultations.page.sectionNumber uses «قسم»");
    expect(violations(fake, "ar", rules, { "ar:cases.nav|طلب": "a test" })).toHaveLength(1);
  });

  for (const locale of LOCALES) {
    it(`is followed by every ${locale} catalogue string`, () => {
      expect(violations(loadMessages(locale), locale, rules)).toEqual([]);
    });
  }
});
