import { describe, expect, it } from "vitest";
import { localNext } from "./next-path.js";

describe("localNext", () => {
  it("keeps a path on this site, with its query", () => {
    expect(localNext("/fr/requests/new?type=complaint", "/fr")).toBe("/fr/requests/new?type=complaint");
    expect(localNext("/", "/fr")).toBe("/");
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
      expect(localNext(next, "/ar"), JSON.stringify(next)).toBe("/ar");
    }
  });
});
