import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The arguments of `node` in package.json's "serve" script (after its NODE_ENV=…): the production command, as is. */
export function serveArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { serve: string } };
  const words = scripts.serve.split(/\s+/);
  const [command, ...args] = words.slice(words.findIndex((word) => !/^[A-Z_]+=/.test(word)));
  if (command !== "node") throw new Error(`the serve script does not start node: ${scripts.serve}`);
  return args;
}

/**
 * Runs this bench again under the production server's V8 flags (its heap limit), unless it already
 * runs under them: work that runs inside the server in production is measured with the memory
 * limit it has there, not with V8's default, which lets garbage pile up to hundreds of MB.
 */
export function underServeFlags(): void {
  const flags = serveArguments().filter((a) => a.startsWith("--"));
  if (flags.every((f) => process.execArgv.includes(f))) return;
  const child = spawnSync(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 1);
}
