import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pgliteDataDirFromTemplate } from "../test/databases.js";

/** The CLI as an operator runs it, on its own PGlite data directory. */
function cli(dataDir: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "cli/index.ts", ...args],
      {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: "",
          TEST_DATABASE_URL: "",
          NODE_ENV: "development",
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function dataDirLockedBy(pid: number): string {
  const dir = mkdtempSync(join(tmpdir(), "sharek-lock-test-"));
  dirs.push(dir);
  writeFileSync(join(dir, "sharek.lock"), `${pid}\n`);
  return dir;
}

describe("the CLI beside a running server (PGlite data directory lock)", () => {
  it("refuses to open a data directory that a live process holds, naming it", async () => {
    const server = spawn("sleep", ["60"]); // stands for a running server: a live pid
    children.push(server);
    const dataDir = dataDirLockedBy(server.pid!);
    const [migrate, createAdmin] = await Promise.all([
      cli(dataDir, "migrate"),
      cli(dataDir, "create-admin", "--email", "admin@sharek.tn", "--name", "Admin"),
    ]);
    for (const result of [migrate, createAdmin]) {
      expect(result.code).toBe(1);
      expect(result.output).toContain(`is in use by process ${server.pid}`);
      expect(result.output).not.toContain("Migrations applied");
    }
    // Nothing was created beside the lock, which still names the server.
    expect(readFileSync(join(dataDir, "sharek.lock"), "utf8")).toBe(`${server.pid}\n`);
  }, 60_000);

  // On the PGlite suite only, where the run's migrated template exists to start from.
  it.skipIf(process.env.TEST_DATABASE_URL)(
    "takes over a lock left by a process that no longer runs, and releases it",
    async () => {
      const gone = spawn("true");
      await new Promise((resolve) => gone.on("exit", resolve));
      const dataDir = dataDirLockedBy(gone.pid!);
      await pgliteDataDirFromTemplate(dataDir);
      const migrate = await cli(dataDir, "migrate");
      expect(migrate.output).toContain("Migrations applied.");
      expect(migrate.code).toBe(0);
      expect(() => readFileSync(join(dataDir, "sharek.lock"))).toThrow(/ENOENT/);
    },
    120_000,
  );
});
