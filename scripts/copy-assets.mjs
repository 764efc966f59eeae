// After `tsc -p tsconfig.build.json`: the files the compiled server reads at run time besides its
// code (the public assets, the SQL migrations, every i18n folder and the security policy served at
// /.well-known/security-policy), copied beside it in dist/
// (or in the folder given as argument, for a build elsewhere).
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] ?? "dist";
const copy = (path) => cpSync(path, join(out, path), { recursive: true });
copy("public");
copy("SECURITY.md");
copy("src/db/migrations");
for (const entry of readdirSync("src", { recursive: true, withFileTypes: true }))
  if (entry.isDirectory() && entry.name === "i18n") copy(join(entry.parentPath, entry.name));
