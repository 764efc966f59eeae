import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding Sharek's package.json: the repository, or the release a server runs from. */
function packageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "sharek")
      return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The checked-out commit of a release that is a git working tree; null without git or outside one. */
function gitCommit(root: string): string | null {
  try {
    const out = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
      cwd: root,
      timeout: 2000,
      stdio: ["ignore", "pipe", "ignore"],
    });
    return /^[0-9a-f]{7,40}$/.test(String(out).trim()) ? String(out).trim() : null;
  } catch {
    return null;
  }
}

let release: { version: string; commit: string | null } | undefined;

/**
 * The running version as the footer shows it beside the source-code link (AGPL-3.0 section 13):
 * package.json's version, and the commit, from SOURCE_COMMIT (set by a deployment that is no git
 * working tree) or else from git, asked once per process; only the version when neither says.
 */
export function runningVersion(sourceCommit: string): string {
  if (!release) {
    const root = packageRoot();
    release = {
      version: root
        ? (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version
        : "unknown",
      commit: root ? gitCommit(root) : null,
    };
  }
  const commit = sourceCommit || release.commit;
  return commit ? `${release.version}+${commit.slice(0, 12)}` : release.version;
}
