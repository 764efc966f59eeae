import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { ConfigError, loadConfig } from "../../config.js";
import { runningVersion } from "./release.js";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const { app } = await createTestApp({
  env: { SOURCE_URL: "https://code.example.tn/sharek", SOURCE_COMMIT: "0123456789abcdef0123" },
});

/** The footer's source-code link of a page: its address and text. */
async function sourceLink(path: string) {
  const html = (await app.inject(path)).body;
  const footer = html.slice(html.indexOf("<footer"));
  const match = /<a class="sh-link" href="(https:\/\/code\.example\.tn\/sharek)">([^<]*)<\/a>/.exec(footer);
  return match ? { href: match[1], text: match[2] } : null;
}

describe("the source code of the running version (AGPL-3.0 section 13)", () => {
  it.each([
    ["ar", "الشيفرة المصدرية (الإصدار"],
    ["fr", "Code source (version"],
    ["en", "Source code (version"],
  ])("is linked from every page's footer in %s, with the version and commit", async (lang, words) => {
    for (const path of [`/${lang}`, `/${lang}/search`, `/${lang}/no-such-page`]) {
      const link = await sourceLink(path);
      expect(link, path).toEqual({
        href: "https://code.example.tn/sharek",
        text: `${words} ${version}+0123456789ab)`,
      });
    }
  });

  it("reads the commit from git when the deployment does not say it, and shows the version alone without either", () => {
    // This test runs in a git working tree: the commit is there.
    expect(runningVersion("")).toMatch(new RegExp(`^${version.replaceAll(".", "\\.")}\\+[0-9a-f]{12}$`));
    expect(runningVersion("fedcba9")).toBe(`${version}+fedcba9`);
  });

  it("takes only an http(s) address and a hexadecimal commit", () => {
    expect(() => loadConfig({ SOURCE_URL: "javascript:alert(1)" })).toThrow(ConfigError);
    expect(() => loadConfig({ SOURCE_COMMIT: "HEAD; rm -rf" })).toThrow(ConfigError);
    expect(loadConfig({}).SOURCE_URL).toMatch(/^https:\/\//);
  });
});
