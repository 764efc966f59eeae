import { describe, expect, it } from "vitest";
import { splitSections } from "./sections.js";

describe("splitting a draft text into sections", () => {
  it("starts a section at each Markdown heading, keeping a preamble", () => {
    expect(
      splitSections(
        "Préambule du décret.\n\n# Article premier\nObjet.\n\n## Article 2\nLigne 1\nLigne 2\n\n\n\nSuite",
      ),
    ).toEqual([
      { title: "", body: "Préambule du décret." },
      { title: "Article premier", body: "Objet." },
      { title: "Article 2", body: "Ligne 1\nLigne 2\n\nSuite" },
    ]);
  });

  it("starts a section at each article of a plain legal text, in Arabic or French", () => {
    expect(
      splitSections("الفصل 1: يهدف هذا الأمر إلى ضبط الميزانية.\nتفاصيل.\nالفصل 2 - تتولى البلدية التنفيذ."),
    ).toEqual([
      { title: "الفصل 1", body: "يهدف هذا الأمر إلى ضبط الميزانية.\nتفاصيل." },
      { title: "الفصل 2", body: "تتولى البلدية التنفيذ." },
    ]);
    expect(splitSections("Article 1er – Objet du texte.\r\nArticle 2 : Champ.")).toEqual([
      { title: "Article 1er", body: "Objet du texte." },
      { title: "Article 2", body: "Champ." },
    ]);
  });

  it("otherwise makes each paragraph a section, and nothing of an empty text", () => {
    expect(splitSections("Premier paragraphe.\n\n  \nSecond\nparagraphe.")).toEqual([
      { title: "", body: "Premier paragraphe." },
      { title: "", body: "Second\nparagraphe." },
    ]);
    expect(splitSections(" \n\n ")).toEqual([]);
  });
});
