import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, getPriority, loadavg, totalmem } from "node:os";
import { REPO_DIR } from "./app-env.js";

export interface Machine {
  /** Cores this process may use (what `nproc` prints). */
  cores: number;
  cpu: string;
  /** Total memory, GiB. */
  memoryGiB: number;
  node: string;
  os: string;
  /** 1, 5 and 15-minute load averages when measured: a busy neighbour skews every figure. */
  loadAverage: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.split(":").slice(1).join(":").trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? "unknown";
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"));
    if (pretty?.[1]) return pretty[1];
  } catch {
    // no os-release
  }
  return process.platform;
}

export function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpuModel(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: osName(),
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

/** One line: "2 cores · Intel(R) Xeon(R) … · 23.4 GiB RAM · Node v20.20.2 · Debian GNU/Linux 12". */
export function describeMachine(m: Machine = machine()): string {
  // Run with a raised priority (nice -n -15) when other work shares the machine: say so.
  const priority = getPriority();
  return `${m.cores} cores · ${m.cpu} · ${m.memoryGiB} GiB RAM · Node ${m.node} · ${m.os}${priority < 0 ? ` · bench at nice ${priority}` : ""}`;
}

/**
 * The code measured: the commit, and "+ uncommitted changes" when src/ or public/ differ from it.
 * BENCH_REVISION overrides it (for a bench run on an exported copy of a commit).
 */
export function revision(): string {
  if (process.env.BENCH_REVISION) return process.env.BENCH_REVISION;
  const git = (...args: string[]) =>
    execFileSync("git", ["--no-optional-locks", ...args], { cwd: REPO_DIR, encoding: "utf8" }).trim();
  try {
    const commit = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "--", "src", "public") !== "";
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return "unknown revision";
  }
}

function cpuTimes(): { idle: number; total: number } | undefined {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …
    return { idle: (cpu[3] ?? 0) + (cpu[4] ?? 0), total: cpu.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/**
 * CPU time the whole machine has spent busy (every process, every core) since boot, in ms: the
 * difference over a bench round counts the database server's work too. NaN off Linux.
 */
export function machineBusyMs(): number {
  const t = cpuTimes();
  // /proc/stat counts in USER_HZ ticks, 100 a second on Linux.
  return t ? (t.total - t.idle) * 10 : Number.NaN;
}

/**
 * Share of the machine's CPU time (0–1, all cores) that other processes use right now, sampled over
 * `ms`. Call it before starting anything: a neighbour's load skews every figure. NaN off Linux.
 */
export async function cpuBusy(ms = 2000): Promise<number> {
  const a = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return Number.NaN;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}
