import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { postgresUrl, RUN_PREFIX } from "../../../test/databases.js";
import { createDatabase } from "../../db/client.js";

/**
 * docs/architecture.md: "Nothing acknowledged is lost when the process is killed." The real server runs as
 * its own process (src/server.ts, as `npm start` runs it); citizens file requests at it; it is
 * killed with SIGKILL while requests are still arriving; once it is started again, every request
 * whose tracking link was given out opens, and holds what the citizen wrote.
 */

const SERVER = fileURLToPath(new URL("../../server.ts", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "sharek-durability-"));
const databaseUrl = process.env.TEST_DATABASE_URL
  ? postgresUrl(`${RUN_PREFIX}_durability_${process.pid}`)
  : "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

interface Server {
  origin: string;
  child: ChildProcess;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "false",
      LOG_LEVEL: "silent",
      COOKIE_SECRET: "durability-secret-durability-secret-0123",
      SUBMISSION_RATE_LIMIT: "100000",
      RATE_LIMIT_MAX: "100000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { origin, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not become ready within 90 s");
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

let server: Server | undefined;
afterAll(async () => {
  if (server) await killed(server.child);
  rmSync(dataDir, { recursive: true, force: true });
  // The PostgreSQL database carries the run's prefix: the run drops it at its end.
});

describe("requests acknowledged before the server is killed", () => {
  it("are all there after a restart, each with its own text", { timeout: 240_000 }, async () => {
    if (databaseUrl) await createDatabase(databaseUrl, `${RUN_PREFIX}_template`);
    server = await startServer();
    const { origin } = server;
    const form = await fetch(`${origin}/en/requests/new?type=notice&structure=mun-tn-11`);
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    expect(csrf).toBeTruthy();

    // Eight citizens file one request after another until the server dies under them.
    const acknowledged: Array<{ subject: string; link: string }> = [];
    let sent = 0;
    const citizen = async (who: number) => {
      for (let n = 0; ; n++) {
        const subject = `Streetlight out, report ${who}-${n}`;
        const body = new FormData();
        for (const [name, value] of Object.entries({
          _csrf: csrf!,
          submissionKey: `durability-${who}-${n}-${"x".repeat(16)}`,
          type: "notice",
          structure: "mun-tn-11",
          subject,
          description: `The streetlight in front of number ${n} has been off for a week (${who}).`,
          contactMode: "anonymous",
        }))
          body.append(name, value);
        sent++;
        const answer = await fetch(`${origin}/en/requests`, {
          method: "POST",
          body,
          headers: { cookie },
          redirect: "manual",
        }).catch(() => null);
        if (!answer) return; // the connection died with the server: not acknowledged
        if (answer.status !== 303) throw new Error(`submission answered ${answer.status}`);
        acknowledged.push({ subject, link: answer.headers.get("location")!.replace("?submitted=1", "") });
      }
    };
    const citizens = Array.from({ length: 8 }, (_, who) => citizen(who));
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
    await killed(server.child);
    await Promise.all(citizens);
    expect(sent).toBeGreaterThan(acknowledged.length);

    server = await startServer();
    for (const { subject, link } of acknowledged) {
      const page = await fetch(`${server.origin}${link}`);
      expect(page.status, link).toBe(200);
      expect(await page.text()).toContain(subject);
    }
  });
});
