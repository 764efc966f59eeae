import { describe, expect, it } from "vitest";
import { containsLink } from "./screen.js";

describe("link detection", () => {
  it("finds schemes, www., Markdown links and bare domains, and not look-alikes", () => {
    for (const text of [
      "See https://spam.example for more",
      "http://x",
      "go to www.example",
      "[here](somewhere)",
      "cheap-watches.com today",
      "WATCHES.NET",
      "visit ministere.tn.",
    ])
      expect(containsLink(text), text).toBe(true);
    for (const text of ["A calm message.", "the .com era", "a file.community", "3.14 percent", "e.g. fr"])
      expect(containsLink(text), text).toBe(false);
  });

  // Linear in the text's length: on 100,000 characters of "a-a-a-…" the earlier pattern rescanned
  // each label from every position (billions of steps, far past the test's time limit).
  it("answers at once on 100,000 adversarial characters, with or without a domain at the end", () => {
    const label = "a-".repeat(50_000);
    expect(containsLink(`${label}!`)).toBe(false);
    expect(containsLink(`${label}x.com`)).toBe(true);
    expect(containsLink(`${"www".repeat(33_333)}x`)).toBe(false);
    expect(containsLink(`${"](".repeat(50_000)}`)).toBe(true);
  });
});
