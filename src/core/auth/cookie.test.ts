import { describe, expect, it } from "vitest";
import { safeNext } from "../../core/auth/cookie.js";

describe("safeNext", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNext("/fr/requests/new?type=complaint", "/fr")).toBe("/fr/requests/new?type=complaint");
    expect(safeNext("/", "/fr")).toBe("/");
  });

  it("falls back for anything that could lead to another site", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      " /fr",
      "",
      undefined,
      ["/fr"],
      `/${"a".repeat(2000)}`,
    ]) {
      expect(safeNext(next, "/ar"), JSON.stringify(next)).toBe("/ar");
    }
  });
});
