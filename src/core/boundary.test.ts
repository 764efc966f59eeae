import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const core = dirname(fileURLToPath(import.meta.url));
const features = resolve(core, "../features");

/** Every module specifier a file imports or re-exports, static or dynamic. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) found.push(m[1]!);
  return found;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe("src/core", () => {
  it("imports nothing from src/features (features build on core, never the other way)", () => {
    const offending = files(core).flatMap((file) =>
      specifiers(readFileSync(file, "utf8"))
        .filter((s) => s.startsWith(".") && resolve(dirname(file), s).startsWith(features + sep))
        .map((s) => `${relative(core, file)} → ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("finds the imports it checks", () => {
    expect(specifiers(readFileSync(join(core, "authz/tables.ts"), "utf8"))).toContain(
      "../structures/tables.js",
    );
  });
});
