import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresUrl } from "../test/databases.js";

const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The acceptance test of `npm run serve`, as an operator runs it: compiled, on an empty PostgreSQL
 * database, with only the variables production requires. It builds into its own folder (under the
 * git-ignored .tmp/, so the compiled code finds node_modules), which takes one to two minutes.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "npm run serve (skipped without TEST_DATABASE_URL: it needs a PostgreSQL server)",
  () => {
    const name = `sharek_prod_${Math.random().toString(36).slice(2, 10)}`;
    let out = "";
    let server: ChildProcess | undefined;
    let origin = "";
    let printed = "";

    beforeAll(async () => {
      mkdirSync(".tmp", { recursive: true });
      out = mkdtempSync(".tmp/serve-");
      await run("npx", ["tsc", "-p", "tsconfig.build.json", "--outDir", out]);
      await run("node", ["scripts/copy-assets.mjs", out]);
      const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { serve: string } };
      const port = await freePort();
      origin = `http://localhost:${port}`;
      server = spawn("sh", ["-c", scripts.serve.replace("dist/", `${out}/`)], {
        detached: true,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: postgresUrl(name),
          COOKIE_SECRET: "production-secret-production-secret-0123",
          PUBLIC_URL: origin,
          PORT: String(port),
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.stdout!.on("data", (chunk) => {
          printed += String(chunk);
          if (printed.includes("Sharek is serving")) resolve();
        });
        server!.stderr!.on("data", (chunk) => {
          printed += String(chunk);
        });
        server!.once("exit", (code) => reject(new Error(`npm run serve exited (${code}):\n${printed}`)));
      });
    }, 600_000);

    afterAll(async () => {
      if (server?.pid && server.exitCode === null) {
        const exited = new Promise((resolve) => server!.once("exit", resolve));
        process.kill(-server.pid, "SIGTERM");
        await exited;
      }
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      if (out) rmSync(out, { recursive: true, force: true });
    }, 60_000);

    it("runs in production: no demo account on an empty database, and no outbox page", async () => {
      const client = new pg.Client({ connectionString: postgresUrl(name) });
      await client.connect();
      const { rows } = await client.query<{ email: string }>("SELECT email FROM accounts");
      await client.end();
      expect(rows).toEqual([]);
      expect(printed).not.toContain("demo.sharek.tn");

      expect((await fetch(`${origin}/ar`)).status).toBe(200);
      const outbox = await fetch(`${origin}/ar/dev/outbox`);
      expect(outbox.status).toBe(404);
    });
  },
);
