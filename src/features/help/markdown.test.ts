import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.js";

describe("renderMarkdown", () => {
  it("renders headings, lists and links", () => {
    const html = renderMarkdown("## Steps\n\n1. Open [Sharek](https://sharek.tn)\n2. Sign in");
    expect(html).toContain("<h2>Steps</h2>");
    expect(html).toContain('<a href="https://sharek.tn">Sharek</a>');
    expect(html).toContain("<ol>");
  });

  it("shows raw HTML as text and drops script links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror="alert(1)">\n\n[click](javascript:alert(1))',
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain('href="javascript:');
  });
});
