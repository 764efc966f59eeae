import { describe, expect, it } from "vitest";
import { excerpt, fold, highlight, plainText, queryStems } from "./highlight.js";

const marked = (segments: ReturnType<typeof highlight>) => segments.filter((s) => s.mark).map((s) => s.text);

describe("highlighted excerpts", () => {
  it("folds text as search_fold() does: diacritics, tatweel, hamza and taa marbuta forms, accents, case", () => {
    expect(fold("إِصْلَاحُ المَدْرَسَةِ")).toBe("اصلاح المدرسه");
    expect(fold("مـــدرسة")).toBe("مدرسه");
    expect(fold("Réformes ÉLECTIONS")).toBe("reformes elections");
  });

  it("marks the words that hold a query word's stem, in their written form", () => {
    expect(marked(highlight("Réformes des élections municipales", "reforme election"))).toEqual([
      "Réformes",
      "élections",
    ]);
    expect(marked(highlight("إصلاح المَدرسة الابتدائية", "اصلاح المدرسه"))).toEqual(["إصلاح", "المَدرسة"]);
    expect(marked(highlight("nothing here", "other"))).toEqual([]);
  });

  it("keeps the whole text in its segments, so nothing is lost or added", () => {
    const text = "<b>Bold</b> & budget, budgets";
    expect(
      highlight(text, "budget")
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
  });

  it("cuts a long body around its first match, with an ellipsis where text was left out", () => {
    const body = `${"The municipal garden of Bab Saadoun is open every day. ".repeat(15)}The greenhouse opens in spring. ${"Residents may book a plot at the town hall. ".repeat(15)}`;
    const segments = excerpt(body, "greenhouse", 120);
    const text = segments.map((s) => s.text).join("");
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(125);
    expect(marked(segments)).toEqual(["greenhouse"]);
  });

  it("shows Markdown as plain text", () => {
    expect(plainText("## Title\n\n**Bold** and [a link](https://example.tn) > quote")).toBe(
      "Title Bold and a link quote",
    );
  });

  it("ignores one-letter words and keeps a few stems", () => {
    expect(queryStems("a b élections")).toEqual(["electio"]);
    expect(queryStems("one two three four five six seven eight nine ten")).toHaveLength(8);
  });
});
