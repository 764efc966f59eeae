// After `tsc -p tsconfig.build.json`: the files the compiled server reads at run time besides its
// code (the public assets, the SQL migrations and every i18n folder), copied beside it in dist/
// (or in the folder given as the first argument, for a build made with another --outDir).
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";

const outDir = process.argv[2] ?? "dist";
const copy = (path) => cpSync(path, join(outDir, path), { recursive: true });
copy("public");
copy("src/db/migrations");
for (const entry of readdirSync("src", { recursive: true, withFileTypes: true }))
  if (entry.isDirectory() && entry.name === "i18n") copy(join(entry.parentPath, entry.name));
