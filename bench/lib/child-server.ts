import { type ChildProcess, fork } from "node:child_process";

/**
 * A server under load runs in a child process, so the load generator and the server do not share
 * one event loop. The parent starts it with startChild(); the child script calls childReady() once
 * it listens, and onStop() to close cleanly. They talk over Node's IPC channel.
 */

type ToChild = { type: "stop" } | { type: "stats"; id: number };
type FromChild<T> =
  | { type: "ready"; info: T }
  | { type: "failed"; message: string }
  | { type: "stats"; id: number; stats: ProcessStats };

export interface ProcessStats {
  /** Resident set size, bytes. */
  rss: number;
  heapUsed: number;
  /** CPU time since the child started, microseconds. */
  cpuUser: number;
  cpuSystem: number;
}

export interface ChildServer<T> {
  /** What the child passed to childReady(): its ports, database version, … */
  info: T;
  pid: number;
  /** Memory and CPU of the child right now. */
  stats(): Promise<ProcessStats>;
  /** Asks the child to close, and kills it if it has not exited within 10 s. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Environment of the child (added to the parent's). */
  env?: Record<string, string>;
  /** Extra Node options for the child, e.g. ["--cpu-prof", "--cpu-prof-dir=bench/.tmp/prof"]. */
  nodeOptions?: string[];
  /** How long the child may take to become ready (default 120 s: PGlite's first open is slow). */
  readyTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
let guarded = false;

function guardParentExit() {
  if (guarded) return;
  guarded = true;
  // Never leave a server behind, whatever way the bench ends.
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill("SIGKILL");
      process.exit(130);
    });
  }
}

/**
 * Starts `script` and waits for its childReady(): a TypeScript file with `node --import tsx`, a
 * JavaScript one (.mjs, on the compiled build) with plain Node, as production runs.
 */
export async function startChild<T>(script: string, options: StartOptions = {}): Promise<ChildServer<T>> {
  guardParentExit();
  const child = fork(script, [], {
    execArgv: [...(script.endsWith(".ts") ? ["--import", "tsx"] : []), ...(options.nodeOptions ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );

  const info = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} was not ready after ${options.readyTimeoutMs ?? 120_000} ms`));
    }, options.readyTimeoutMs ?? 120_000);
    const onMessage = (message: FromChild<T>) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve(message.info);
      } else if (message.type === "failed") {
        clearTimeout(timer);
        reject(new Error(`${script} failed to start: ${message.message}`));
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready (code ${code}, signal ${signal})`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });

  let nextId = 0;
  return {
    info,
    pid: child.pid!,
    stats: () =>
      new Promise<ProcessStats>((resolve) => {
        const id = ++nextId;
        const onMessage = (message: FromChild<T>) => {
          if (message.type !== "stats" || message.id !== id) return;
          child.off("message", onMessage);
          resolve(message.stats);
        };
        child.on("message", onMessage);
        child.send({ type: "stats", id } satisfies ToChild);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
      if (child.connected) child.send({ type: "stop" } satisfies ToChild);
      else child.kill("SIGTERM");
      await exited;
      clearTimeout(kill);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Child side
// ---------------------------------------------------------------------------------------------

function send(message: FromChild<unknown>) {
  if (!process.send)
    throw new Error("this script must be started by startChild() (bench/lib/child-server.ts)");
  process.send(message);
}

/** Tells the parent the child listens, with whatever it needs to know (ports, versions). */
export function childReady<T>(info: T): void {
  send({ type: "ready", info });
}

/** Tells the parent the child could not start, then exits. */
export function childFailed(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  try {
    send({ type: "failed", message });
  } finally {
    process.exit(1);
  }
}

/**
 * Runs `close` when the parent asks the child to stop or goes away, then exits. Also answers the
 * parent's stats() requests.
 */
export function onStop(close: () => Promise<void>): void {
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 8_000);
    force.unref();
    try {
      await close();
    } finally {
      process.exit(0);
    }
  };
  process.on("message", (message: ToChild) => {
    if (message.type === "stop") void shutdown();
    if (message.type === "stats") {
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      send({
        type: "stats",
        id: message.id,
        stats: { rss: memory.rss, heapUsed: memory.heapUsed, cpuUser: cpu.user, cpuSystem: cpu.system },
      });
    }
  });
  process.once("disconnect", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}
