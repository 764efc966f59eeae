import { describe, expect, it } from "vitest";
import { diffText, tokenize } from "./diff.js";

const show = (before: string, after: string) =>
  diffText(before, after)
    .map((s) => (s.kind === "same" ? s.text : s.kind === "del" ? `[-${s.text}-]` : `{+${s.text}+}`))
    .join("");

describe("word-level diff in Arabic with diacritics", () => {
  it("keeps diacritics on their letters: a word that gains a fatha is replaced whole", () => {
    expect(
      show(
        "يَجِبُ أن تُخصَّص 10% على الأقل من ميزانية الاستثمار.",
        "يَجِبُ أن تُخصَّصَ 15% على الأقل من ميزانية الاستثمار البلدي.",
      ),
    ).toBe("يَجِبُ أن [-تُخصَّص 10-]{+تُخصَّصَ 15+}% على الأقل من ميزانية الاستثمار{+ البلدي+}.");
  });

  it("tokenizes a vocalised word as one token, shadda and tanwin included", () => {
    expect(tokenize("مُتَسَاكِنٌ مَدَنِيّ")).toEqual(["مُتَسَاكِنٌ", " ", "مَدَنِيّ"]);
  });

  it("shows a change of diacritics only as the word replaced", () => {
    expect(show("قَرَّرَ المجلسُ", "قُرِّرَ المجلسُ")).toBe("[-قَرَّرَ-]{+قُرِّرَ+} المجلسُ");
  });

  it("keeps tatweel inside its word and text in logical order", () => {
    const segments = diffText("يجب نشـر التقرير كل سنة", "يجب نشـر التقرير كل ثلاثة أشهر");
    expect(segments).toEqual([
      { kind: "same", text: "يجب نشـر التقرير كل " },
      { kind: "del", text: "سنة" },
      { kind: "ins", text: "ثلاثة أشهر" },
    ]);
  });

  it("reads the same once both sides are reassembled", () => {
    const a = "تُنشَرُ نتائجُ التصويت على البوابة.";
    const b = "تُنشَرُ النتائجُ النهائيةُ للتصويت على البوابة وفي مقرّ البلدية.";
    const segments = diffText(a, b);
    expect(
      segments
        .filter((s) => s.kind !== "ins")
        .map((s) => s.text)
        .join(""),
    ).toBe(a);
    expect(
      segments
        .filter((s) => s.kind !== "del")
        .map((s) => s.text)
        .join(""),
    ).toBe(b);
  });
});

describe("word-level diff in French", () => {
  it("inserts and replaces whole words, apostrophes and accents included", () => {
    expect(show("Le conseil décide à l’unanimité.", "Le conseil municipal décide à la majorité.")).toBe(
      "Le conseil {+municipal +}décide à [-l’unanimité-]{+la majorité+}.",
    );
  });

  it("treats a precomposed and a decomposed accent as the same letter", () => {
    expect(show("Le comité délibère.", "Le comite\u0301 délibère en public.")).toBe(
      "Le comité délibère{+ en public+}.",
    );
  });

  it("removes a clause", () => {
    expect(show("Les habitants, dès 16 ans, votent en ligne.", "Les habitants votent en ligne.")).toBe(
      "Les habitants[-, dès 16 ans,-] votent en ligne.",
    );
  });

  it("finds nothing to show between identical texts", () => {
    expect(diffText("Texte inchangé.", "Texte inchangé.")).toEqual([
      { kind: "same", text: "Texte inchangé." },
    ]);
  });
});
