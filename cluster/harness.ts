import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { createDatabase } from "../src/db/client.js";

/**
 * The cluster as an operator runs it, on loopback: the compiled server (built once into .tmp/,
 * where node_modules resolves) as two production nodes on one PostgreSQL database, each with its
 * own DATA_DIR, behind nginx. Everything this starts is stopped by `stop()`, and by the process's
 * exit if the suite dies first; the database is dropped.
 */

const ROOT = resolve(import.meta.dirname, "..");
const BUILD = join(ROOT, ".tmp", "cluster-build");
const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].find((p) =>
  existsSync(p),
);

/** Why the cluster cannot run here, or undefined when it can. */
export async function skipReason(): Promise<string | undefined> {
  if (!NGINX) return "nginx is not installed (apt-get install -y nginx-light)";
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return "TEST_DATABASE_URL is not set: the cluster runs on PostgreSQL";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    return `PostgreSQL at TEST_DATABASE_URL does not answer (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
  return undefined;
}

/**
 * `npm run build` into .tmp/cluster-build (tsc, then the assets the server reads beside its code).
 * CLUSTER_REUSE_BUILD=1 keeps an earlier build, for runs of the suite while writing it.
 */
export function build(): void {
  if (process.env.CLUSTER_REUSE_BUILD === "1" && existsSync(join(BUILD, "src/server.js"))) return;
  rmSync(BUILD, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", BUILD],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (tsc.status !== 0) throw new Error(`build failed:\n${tsc.stdout}${tsc.stderr}`);
  const assets = spawnSync(process.execPath, ["scripts/copy-assets.mjs", BUILD], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (assets.status !== 0) throw new Error(`copying the assets failed:\n${assets.stderr}`);
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` is true, polling; throws `what` after `ms`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// --- HTTP on loopback, from a chosen source address (each 127.x.y.z is another client for nginx).

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  /** The node nginx took the answer from last ("127.0.0.1:PORT"), when through nginx. */
  node: string | undefined;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** The client's source address (default 127.0.0.2). */
  from?: string;
}

/** One HTTP request on its own connection (no keep-alive), failing after 30 s. */
export function call(port: number, path: string, options: CallOptions = {}): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.from ?? "127.0.0.2",
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const upstream = res.headers["x-upstream"];
          resolveAnswer({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString("utf8"),
            node: typeof upstream === "string" ? upstream.split(", ").at(-1) : undefined,
          });
        });
      },
    );
    req.setTimeout(30_000, () =>
      req.destroy(new Error(`${options.method ?? "GET"} ${path}: no answer in 30 s`)),
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A browser of one citizen: a source address, its cookies, and the last CSRF token it saw. */
export class Browser {
  private cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(
    readonly from: string,
    private readonly origin: string,
  ) {}

  private remember(answer: Answer): Answer {
    const set = answer.headers["set-cookie"];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair = ""] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(answer.text)?.[1];
    if (token) this.csrf = token;
    return answer;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.remember(
      await call(port, path, { from: this.from, headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  /** Posts a body as a browser would from a page of the portal (Origin and cookies). */
  async post(port: number, path: string, body: Buffer | string, contentType: string): Promise<Answer> {
    return this.remember(
      await call(port, path, {
        method: "POST",
        from: this.from,
        body,
        headers: {
          cookie: this.cookieHeader(),
          origin: this.origin,
          "content-type": contentType,
          "content-length": String(Buffer.byteLength(body)),
        },
      }),
    );
  }

  async postForm(port: number, path: string, form: Record<string, string>): Promise<Answer> {
    const body = new URLSearchParams({ _csrf: this.csrf ?? "", ...form }).toString();
    return this.post(port, path, body, "application/x-www-form-urlencoded");
  }
}

/** A source address 127.A.B.C that no other client of the run had (127.0.0.1 is nginx's own). */
let clients = 0;
export function newClientAddress(): string {
  clients += 1;
  return `127.${10 + Math.floor(clients / 254 / 254)}.${Math.floor(clients / 254) % 254}.${(clients % 254) + 1}`;
}

// --- The cluster.

export interface Node {
  name: string;
  port: number;
  dataDir: string;
  log: string;
  process: ChildProcess | null;
  /** Resolves with the exit code (or 128 + signal number) when the current process ends. */
  exited: Promise<number> | null;
}

export interface ClusterOptions {
  /** Requests per minute of one client on ordinary routes (RATE_LIMIT_MAX). */
  rateLimit: number;
  /** A PostgreSQL URL on the server where the cluster's database is made (default TEST_DATABASE_URL). */
  serverUrl?: string;
}

export class Cluster {
  readonly dir = mkdtempSync(join(tmpdir(), "sharek-cluster-"));
  readonly databaseName = `sharek_cluster_${randomBytes(6).toString("hex")}`;
  readonly databaseUrl: string;
  readonly cookieSecret = randomBytes(32).toString("base64url");
  nodes: Node[] = [];
  nginxPort = 0;
  /** How long each start and stop of a node took, for the suite's output. */
  readonly timings: string[] = [];
  nginx: ChildProcess | null = null;
  private nginxExited: Promise<number> | null = null;
  private readonly onExit = () => this.killEverything();

  constructor(private readonly options: ClusterOptions) {
    const url = new URL(options.serverUrl ?? process.env.TEST_DATABASE_URL!);
    url.pathname = `/${this.databaseName}`;
    this.databaseUrl = url.toString();
    process.once("exit", this.onExit);
  }

  get publicUrl(): string {
    return `http://127.0.0.1:${this.nginxPort}`;
  }

  node(name: string): Node {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name}`);
    return node;
  }

  async start(): Promise<void> {
    await createDatabase(this.databaseUrl);
    this.nginxPort = await freePort();
    for (const name of ["a", "b"]) {
      const dataDir = join(this.dir, `node-${name}`);
      mkdirSync(dataDir);
      this.nodes.push({
        name,
        port: await freePort(),
        dataDir,
        log: join(this.dir, `node-${name}.log`),
        process: null,
        exited: null,
      });
    }
    // The first node migrates the empty database; the second starts beside it at once.
    await Promise.all(this.nodes.map((node) => this.startNode(node.name)));
    await this.startNginx();
  }

  /** Starts a node as production does (`npm run serve`: node --max-old-space-size=128 dist/src/server.js). */
  async startNode(name: string): Promise<void> {
    const node = this.node(name);
    const started = Date.now();
    const out = openSync(node.log, "a");
    const child = spawn(process.execPath, ["--max-old-space-size=128", join(BUILD, "src/server.js")], {
      cwd: ROOT,
      stdio: ["ignore", out, out],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(node.port),
        PUBLIC_URL: this.publicUrl,
        DATABASE_URL: this.databaseUrl,
        DATABASE_POOL_MAX: "5",
        DATA_DIR: node.dataDir,
        COOKIE_SECRET: this.cookieSecret,
        // nginx is the one proxy, on this machine: its X-Forwarded-For entry is believed, nothing left of it.
        TRUST_PROXY: "127.0.0.1",
        RATE_LIMIT_MAX: String(this.options.rateLimit),
        LOG_LEVEL: "info",
      },
    });
    closeSync(out);
    node.process = child;
    node.exited = new Promise((resolveExit) =>
      child.once("exit", (code, signal) => resolveExit(code ?? 128 + (signal === "SIGKILL" ? 9 : 15))),
    );
    let gone = false;
    void node.exited.then(() => {
      gone = true;
    });
    await waitFor(
      `node ${name} to be ready on port ${node.port}`,
      async () => {
        if (gone) throw new Error(`node ${name} exited while starting:\n${this.logTail(name)}`);
        const ready = await call(node.port, "/readyz", { from: "127.0.0.1" }).catch(() => null);
        return ready?.status === 200;
      },
      60_000,
    );
    this.timings.push(`node ${name} ready in ${Date.now() - started} ms`);
  }

  /** SIGTERM (a graceful stop, as systemd does), then the exit code once the node is gone. */
  async stopNode(name: string, signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<number> {
    const node = this.node(name);
    if (!node.process || !node.exited) throw new Error(`node ${name} is not running`);
    const started = Date.now();
    node.process.kill(signal);
    const code = await Promise.race([node.exited, sleep(20_000).then(() => -1)]);
    if (code === -1) {
      node.process.kill("SIGKILL");
      await node.exited;
    }
    node.process = null;
    this.timings.push(`node ${name} exited (${signal}, code ${code}) in ${Date.now() - started} ms`);
    return code;
  }

  logTail(name: string, lines = 30): string {
    const log = this.node(name).log;
    return existsSync(log) ? readFileSync(log, "utf8").split("\n").slice(-lines).join("\n") : "";
  }

  /** The JSON lines a node logged (across its restarts). */
  logLines(name: string): Array<Record<string, unknown>> {
    return readFileSync(this.node(name).log, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** nginx's configuration: the production proxy settings (deploy/nginx.conf) on plain HTTP, loopback. */
  private nginxConfig(): string {
    const temp = (kind: string) => join(this.dir, "nginx", kind);
    for (const kind of ["body", "proxy", "fastcgi", "uwsgi", "scgi"])
      mkdirSync(temp(kind), { recursive: true });
    const servers = this.nodes
      .map((n) => `    server 127.0.0.1:${n.port} max_fails=3 fail_timeout=2s;`)
      .join("\n");
    return `# Generated by cluster/harness.ts for the cluster suite.
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
daemon off;
pid ${join(this.dir, "nginx", "nginx.pid")};
error_log ${join(this.dir, "nginx", "error.log")} warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  log_format cluster '$time_iso8601 $request_id $remote_addr $request_method $uri $status $request_time $upstream_addr $upstream_status';
  access_log ${join(this.dir, "nginx", "access.log")} cluster;

  upstream sharek {
    # As in production, with a shorter fail_timeout (10 s there) so a restarted node is tried again sooner.
${servers}
    # No keepalive pool: a stopping node refuses new connections, and nginx passes those requests on.
  }

  server {
    listen 127.0.0.1:${this.nginxPort};
    client_max_body_size 16m;
    gzip off;

    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Request-Id $request_id;
    proxy_connect_timeout 2s;
    proxy_read_timeout 60s;
    proxy_send_timeout 60s;
    proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    proxy_next_upstream_tries 2;
    proxy_next_upstream_timeout 10s;

    # For the suite only: which node answered (the last one nginx tried).
    add_header X-Upstream $upstream_addr always;

    location / {
      proxy_pass http://sharek;
    }
  }
}
`;
  }

  private async startNginx(): Promise<void> {
    const config = join(this.dir, "nginx.conf");
    writeFileSync(config, this.nginxConfig());
    const errors = join(this.dir, "nginx", "stderr.log");
    const out = openSync(errors, "a");
    const child = spawn(NGINX!, ["-p", this.dir, "-c", config], { stdio: ["ignore", out, out] });
    closeSync(out);
    this.nginx = child;
    this.nginxExited = new Promise((r) => child.once("exit", (code) => r(code ?? 1)));
    let gone = false;
    void this.nginxExited.then(() => {
      gone = true;
    });
    await waitFor("nginx to answer", async () => {
      if (gone) throw new Error(`nginx exited:\n${readFileSync(errors, "utf8")}`);
      const answer = await call(this.nginxPort, "/healthz", { from: "127.0.0.1" }).catch(() => null);
      return answer?.status === 200;
    });
  }

  /** Stops nginx and the nodes, drops the database, removes the folder: whatever happened before. */
  async stop(): Promise<void> {
    process.removeListener("exit", this.onExit);
    this.killEverything();
    await Promise.all([this.nginxExited, ...this.nodes.map((n) => n.exited)]);
    const admin = new URL(this.databaseUrl);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`drop database if exists "${this.databaseName}" with (force)`);
    } finally {
      await client.end();
    }
    if (!process.env.CLUSTER_KEEP) rmSync(this.dir, { recursive: true, force: true });
  }

  private killEverything(): void {
    this.nginx?.kill("SIGKILL");
    for (const node of this.nodes) node.process?.kill("SIGKILL");
  }
}
