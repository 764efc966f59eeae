import PgBoss from "pg-boss";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPostgres } from "../src/db/client.js";
import { createAccount, TEST_PASSWORD } from "../test/accounts.js";
import { multipart } from "../test/multipart.js";
import { type Answer, Browser, build, Cluster, newClientAddress, skipReason, waitFor } from "./harness.js";

/**
 * Issue 17's cluster: two production nodes of the compiled server on one PostgreSQL database, each
 * with its own DATA_DIR, behind nginx, all on loopback. Each test reaches the portal as a citizen
 * would (through nginx), or one node directly by its port to show that the other node's work is
 * seen. Clients are told apart by their source address (127.x.y.z), which nginx appends to
 * X-Forwarded-For and the nodes believe because TRUST_PROXY names nginx's address.
 */

const RATE_LIMIT = 30;
const reason = await skipReason();
if (reason) console.warn(`cluster suite skipped: ${reason}`);

describe.skipIf(reason !== undefined)(
  `two nodes behind nginx${reason ? ` (skipped: ${reason})` : ""}`,
  () => {
    let cluster: Cluster;
    let database: Database;
    const nginx = () => cluster.nginxPort;
    const port = (name: string) => cluster.node(name).port;
    const nodeAt = (name: string) => `127.0.0.1:${port(name)}`;

    beforeAll(async () => {
      const started = Date.now();
      build();
      console.log(`server built in ${Date.now() - started} ms`);
      cluster = new Cluster({ rateLimit: RATE_LIMIT });
      await cluster.start();
      database = await openPostgres(cluster.databaseUrl, 2);
    });

    afterAll(async () => {
      if (cluster) console.log(cluster.timings.join("\n"));
      await database?.close();
      await cluster?.stop();
    });

    const photo = () =>
      sharp({ create: { width: 40, height: 30, channels: 3, background: "#2a6" } })
        .jpeg()
        .toBuffer();

    /** Files an anonymous complaint as one citizen: the form's page, then the form (optionally with a photo). */
    async function fileRequest(
      browser: Browser,
      subject: string,
      ports: { form: number; post: number },
      attachment?: Buffer,
    ): Promise<{ form: Answer; posted: Answer }> {
      const form = await browser.get(ports.form, "/fr/requests/new?type=complaint&structure=mun-tn-11");
      if (form.status !== 200) return { form, posted: form };
      const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(form.text)?.[1] ?? "";
      const { payload, contentType } = multipart(
        {
          type: "complaint",
          structure: "mun-tn-11",
          subject,
          description:
            "Les lampadaires de la rue de Marseille sont éteints depuis deux semaines, la rue est sombre.",
          governorate: "TN-11",
          address: "Rue de Marseille",
          contactMode: "anonymous",
          submissionKey,
          _csrf: browser.csrf ?? "",
        },
        attachment
          ? [{ name: "attachments", filename: "lampadaire.jpg", type: "image/jpeg", data: attachment }]
          : [],
      );
      const posted = await browser.post(ports.post, "/fr/requests", payload, contentType);
      return { form, posted };
    }

    const filed = (answer: Answer) =>
      answer.status === 303 &&
      /^\/fr\/requests\/follow\/[^/?]+\?submitted=1$/.test(`${answer.headers.location}`);

    async function subjectsLike(prefix: string): Promise<Set<string>> {
      const rows = await database.query<{ subject: string }>(
        "select subject from cases where subject like $1",
        [`${prefix}%`],
      );
      return new Set(rows.map((r) => r.subject));
    }

    it("a session made through one node works on the other", async () => {
      const email = `citizen.${Date.now()}@example.tn`;
      await createAccount(database, { email, displayName: "Amira Ben Salah" });
      const browser = new Browser(newClientAddress(), cluster.publicUrl);
      await browser.get(nginx(), "/fr/sign-in");
      const signedIn = await browser.postForm(nginx(), "/fr/sign-in", { email, password: TEST_PASSWORD });
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.location).toBe("/fr/account");

      for (const name of ["a", "b"]) {
        const account = await browser.get(port(name), "/fr/account");
        expect(account.status, `node ${name}`).toBe(200);
        expect(account.text).toContain(email);
      }
      const stranger = new Browser(newClientAddress(), cluster.publicUrl);
      expect((await stranger.get(port("b"), "/fr/account")).status).toBe(303);
    });

    it("a photo filed through one node opens through the other", async () => {
      const browser = new Browser(newClientAddress(), cluster.publicUrl);
      const { posted } = await fileRequest(
        browser,
        "Photo filed on node A",
        { form: port("a"), post: port("a") },
        await photo(),
      );
      expect(filed(posted)).toBe(true);

      const page = await browser.get(port("b"), `${posted.headers.location}`);
      expect(page.status).toBe(200);
      const link = /href="([^"]+\/files\/[^"]+)"/.exec(page.text)?.[1];
      expect(link).toBeDefined();
      const file = await browser.get(port("b"), link!.replaceAll("&amp;", "&"));
      expect(file.status).toBe(200);
      expect(file.headers["content-type"]).toBe("image/jpeg");
      const { width, height } = await sharp(file.body).metadata();
      expect({ width, height }).toEqual({ width: 40, height: 30 });
    });

    /** One client's requests through nginx, one after the other: the statuses and the nodes that answered. */
    async function burst(count: number, headers: (i: number) => Record<string, string> = () => ({})) {
      const browser = new Browser(newClientAddress(), cluster.publicUrl);
      const answers: Answer[] = [];
      for (let i = 0; i < count; i++)
        answers.push(await browser.get(nginx(), "/fr/consultations", headers(i)));
      return {
        passed: answers.filter((a) => a.status === 200),
        limited: answers.filter((a) => a.status === 429),
        nodes: new Set(answers.map((a) => a.node)),
      };
    }

    it("one client's requests are limited at the configured rate across both nodes", async () => {
      const { passed, limited, nodes } = await burst(RATE_LIMIT * 2);
      // Each node counting on its own would let all 60 through (30 each).
      expect(passed).toHaveLength(RATE_LIMIT);
      expect(limited).toHaveLength(RATE_LIMIT);
      expect(nodes).toEqual(new Set([nodeAt("a"), nodeAt("b")]));
      expect(new Set(passed.map((a) => a.node)).size).toBe(2);
    });

    it("a forged X-Forwarded-For from the client changes nothing", async () => {
      const { passed, limited } = await burst(RATE_LIMIT * 2, (i) => ({
        "x-forwarded-for": `203.0.113.${i + 1}`,
      }));
      expect(passed).toHaveLength(RATE_LIMIT);
      expect(limited).toHaveLength(RATE_LIMIT);
    });

    it("a deadline escalation runs once with both nodes' workers", async () => {
      const admin = await createAccount(database, {
        email: `structure.admin.${Date.now()}@example.tn`,
        roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
      });
      const subject = `Overdue ${Date.now()}`;
      const browser = new Browser(newClientAddress(), cluster.publicUrl);
      expect(filed((await fileRequest(browser, subject, { form: nginx(), post: nginx() })).posted)).toBe(
        true,
      );
      const [row] = await database.query<{ id: string }>("select id from cases where subject = $1", [
        subject,
      ]);
      await database.query("update cases set due_at = now() - interval '1 hour' where id = $1", [row!.id]);
      const mails = async () =>
        (
          await database.query<{ n: number }>(
            "select count(*)::int as n from outbox_messages where to_address = $1",
            [admin.email],
          )
        )[0]!.n;
      const mailsBefore = await mails();

      // The cron ticks every five minutes; the test queues runs itself, one a second, until both
      // nodes have worked some (each polls every 2 s and takes one at a time), at most 20.
      const boss = new PgBoss({
        connectionString: cluster.databaseUrl,
        supervise: false,
        schedule: false,
        migrate: false,
      });
      boss.on("error", () => {});
      await boss.start();
      const ran = (name: string) =>
        cluster.logLines(name).filter((l) => l.msg === "job done" && l.job === "cases-deadlines").length;
      try {
        for (let sent = 0; sent < 20 && (ran("a") === 0 || ran("b") === 0); sent++) {
          await boss.send("cases-deadlines", {});
          await new Promise((r) => setTimeout(r, 1_000));
        }
        await waitFor("every queued run to finish", async () => {
          const [left] = await database.query<{ n: number }>(
            "select count(*)::int as n from pgboss.job where name = 'cases-deadlines' and state in ('created', 'retry', 'active')",
          );
          return left!.n === 0;
        });
      } finally {
        await boss.stop({ graceful: false, close: true });
      }
      expect(ran("a")).toBeGreaterThan(0);
      expect(ran("b")).toBeGreaterThan(0);

      const events = await database.query<{ kind: string }>(
        "select kind from case_events where case_id = $1 and kind in ('reminded', 'escalated')",
        [row!.id],
      );
      expect(events).toEqual([{ kind: "escalated" }]);
      expect(await mails()).toBe(mailsBefore + 1);
    });

    interface Filing {
      subject: string;
      started: number;
      ok: boolean;
      statuses: number[];
      nodes: Array<string | undefined>;
      error?: string;
    }

    /**
     * Citizens filing requests through nginx, `workers` at a time, each filing from a new address
     * (so no rate limit is reached), until `stop()`, `max` filings or 90 s; every filing also
     * reads a page.
     */
    function citizens(prefix: string, workers: number, max: number) {
      const filings: Filing[] = [];
      let stopped = false;
      let count = 0;
      const until = Date.now() + 90_000;
      const work = async () => {
        while (!stopped && count < max && Date.now() < until) {
          count += 1;
          const filing: Filing = {
            subject: `${prefix} ${count}`,
            started: Date.now(),
            ok: false,
            statuses: [],
            nodes: [],
          };
          filings.push(filing);
          const browser = new Browser(newClientAddress(), cluster.publicUrl);
          try {
            const home = await browser.get(nginx(), "/fr/consultations");
            const { form, posted } = await fileRequest(browser, filing.subject, {
              form: nginx(),
              post: nginx(),
            });
            for (const a of [home, form, posted]) {
              filing.statuses.push(a.status);
              filing.nodes.push(a.node);
            }
            filing.ok = home.status === 200 && form.status === 200 && filed(posted);
          } catch (error) {
            filing.error = (error as Error).message;
          }
          // A citizen's pace rather than a flood: the load lasts through two restarts of a node.
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const done = Promise.all(Array.from({ length: workers }, work));
      return {
        filings,
        acknowledged: () => filings.filter((f) => f.ok),
        stop: async () => {
          stopped = true;
          await done;
        },
        done,
      };
    }

    it("kill -9 of one node while citizens file requests loses no acknowledged request, and nginx serves from the other", async () => {
      const load = citizens("Killed", 4, 80);
      await waitFor("some requests filed", () => load.acknowledged().length >= 8);
      await cluster.stopNode("a", "SIGKILL");
      const killedAt = Date.now();
      const afterKill = () =>
        load.filings.filter((f) => f.started > killedAt && (f.ok || f.statuses.length > 0 || f.error));
      await waitFor("12 filings begun after the kill", () => afterKill().length >= 12, 60_000);
      await load.stop();

      const stored = await subjectsLike("Killed ");
      const lost = load.acknowledged().filter((f) => !stored.has(f.subject));
      expect(lost).toEqual([]);
      const failedAfterKill = afterKill().filter((f) => !f.ok);
      expect(failedAfterKill).toEqual([]);
      expect(new Set(afterKill().flatMap((f) => f.nodes))).toEqual(new Set([nodeAt("b")]));

      await cluster.startNode("a");
    });

    it("a rolling restart under load fails no request", async () => {
      const load = citizens("Rolling", 4, 2_000);
      const servedSince = (name: string, since: number) =>
        load.filings.some((f) => f.started > since && f.ok && f.nodes.includes(nodeAt(name)));
      const exits: number[] = [];
      try {
        await waitFor("some requests filed", () => load.acknowledged().length >= 4);
        for (const name of ["a", "b"]) {
          exits.push(await cluster.stopNode(name, "SIGTERM"));
          const back = Date.now();
          await cluster.startNode(name);
          // nginx tries a node it saw failing again after fail_timeout: wait until it serves again.
          await waitFor(
            `nginx to send requests to node ${name} again`,
            () => servedSince(name, back),
            30_000,
          );
        }
      } finally {
        await load.stop();
      }
      expect(exits).toEqual([0, 0]);
      const failed = load.filings.filter((f) => !f.ok);
      expect(failed).toEqual([]);
      const stored = await subjectsLike("Rolling ");
      expect(load.acknowledged().filter((f) => !stored.has(f.subject))).toEqual([]);
    });
  },
);
