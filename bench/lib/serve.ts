import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";

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

/** A field of /proc/<pid>/status in bytes (VmRSS: resident now; VmHWM: the highest it has been). */
export function processMemory(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no ${field} for process ${pid}`);
  return Number(match[1]) * 1024;
}

export interface CompiledServer {
  url: string;
  pid: number;
  /** Whether it has exited (out of memory, say). */
  exited(): boolean;
  stop(): Promise<void>;
}

/**
 * The compiled build started as `npm run serve` starts it in production (its V8 flags, no
 * TypeScript loader), in its own process on a free port, with `env` (benchAppEnv's): what a bench
 * measures the memory of. Builds first; resolves once /readyz answers.
 */
export async function startCompiledServer(env: Record<string, string>): Promise<CompiledServer> {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const port = await freePort();
  const child = spawn(process.execPath, serveArguments(), {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const server: CompiledServer = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (server.exited()) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    },
  };
  const until = Date.now() + 120_000;
  while (
    !(await fetch(`${server.url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (server.exited()) throw new Error(`the server exited with code ${child.exitCode}`);
    if (Date.now() > until) {
      await server.stop();
      throw new Error(`${server.url}/readyz was not ready after 120 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
