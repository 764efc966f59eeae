import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("../../../../public/sharek.css", import.meta.url), "utf8");

/** Physical (left/right) properties: they break right-to-left pages. Logical ones are fine. */
function physicalProperties(source: string): string[] {
  const pattern =
    /margin-left|margin-right|padding-left|padding-right|left\s*:|right\s*:|float:\s*(?:left|right)|text-align:\s*(?:left|right)|border-left|border-right/g;
  return source.match(pattern) ?? [];
}

describe("public/sharek.css", () => {
  it("uses logical properties only, so one sheet serves right-to-left and left-to-right pages", () => {
    expect(physicalProperties(css)).toEqual([]);
  });

  it("would catch a physical property, and lets logical ones through", () => {
    expect(
      physicalProperties(".a{margin-left:1px}.b{right: 0}.c{text-align: left}.d{float:right}"),
    ).toHaveLength(4);
    expect(physicalProperties(".a{inset-inline-start:0;margin-inline-end:1px;text-align:start}")).toEqual([]);
  });

  it("stays small and self-contained: no imports, no web fonts", () => {
    // One sheet for every page, cached once: what a phone downloads is its compressed size (8.3 KB
    // in December 2026). The page-weight budget itself is checked by bench/.
    expect(gzipSync(css, { level: 9 }).length).toBeLessThan(9 * 1024);
    expect(css).not.toMatch(/@import|@font-face|url\(["']?https?:/);
  });
});
