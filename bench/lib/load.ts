import { createRequire } from "node:module";
import type { ProcessStats } from "./child-server.js";

/** The part of autocannon's options the benches use (autocannon ships no types). */
interface AutocannonOptions {
  url: string;
  connections?: number;
  duration?: number;
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  pipelining?: number;
  timeout?: number;
  /** One request per connection at a fixed overall rate, instead of as fast as possible. */
  overallRate?: number;
  requests?: Array<Record<string, unknown>>;
}

/** autocannon's histogram summary: mean, stddev, min, max and p0_001 … p99_999 keys. */
type Histogram = Record<string, number>;

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  latency: Histogram;
  requests: Histogram & { total: number; sent: number };
  throughput: Histogram;
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface LoadOptions {
  url: string;
  /** Concurrent connections (default 10). */
  connections?: number;
  /** Measured seconds (default BENCH_DURATION, else 10). */
  duration?: number;
  /** Seconds of discarded load before measuring (default BENCH_WARMUP, else 2; 0 skips it). */
  warmup?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Fixed overall request rate (requests/s) instead of as fast as possible. */
  overallRate?: number;
  /** The child server under load: its CPU time is sampled around the measured window. */
  server?: { stats(): Promise<ProcessStats> };
}

export interface LoadResult {
  url: string;
  /** Completed requests per second over the measured window. */
  rps: number;
  requests: number;
  seconds: number;
  /** Requests that failed at the socket level (timeouts included) or answered outside 2xx. */
  errors: number;
  non2xx: number;
  /**
   * Latency in milliseconds. When several rounds are merged (runRounds), each figure is the worst
   * round's.
   */
  latency: { mean: number; max: number; p50: number; p90: number; p99: number; p999: number };
  /** Server CPU time (user + system) per request, ms, when the load ran with a `server` to sample. */
  serverCpuMsPerRequest?: number;
  /** Server CPU time over wall time: 1 means one core fully busy. */
  serverCores?: number;
  /** autocannon's own results (one per round), for anything not summarised here. */
  raw: AutocannonResult[];
}

export const DEFAULT_DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const DEFAULT_WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
/** Rounds runRounds() alternates its targets in. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

/**
 * A latency percentile (ms) from an autocannon histogram. autocannon keeps 0.001, 0.01, 0.1, 1,
 * 2.5, 10, 25, 50, 75, 90, 97.5, 99, 99.9, 99.99 and 99.999; any other percentile is refused.
 */
export function histogramPercentile(histogram: Histogram, percentile: number): number {
  const key = `p${String(percentile).replace(".", "_")}`;
  const value = histogram[key];
  if (value === undefined) throw new Error(`autocannon keeps no ${percentile}th percentile`);
  return value;
}

/** Nearest-rank percentile of raw samples (for benches that time their own operations). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function autocannonOptions(options: LoadOptions): AutocannonOptions {
  const base: AutocannonOptions = {
    url: options.url,
    connections: options.connections ?? 10,
    method: options.method ?? "GET",
    headers: options.headers ?? {},
    timeout: 10,
  };
  if (options.body !== undefined) base.body = options.body;
  if (options.overallRate !== undefined) base.overallRate = options.overallRate;
  return base;
}

const cpuMicros = (s: ProcessStats) => s.cpuUser + s.cpuSystem;

/** Runs autocannon against one URL: a discarded warm-up, then the measured window. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { duration = DEFAULT_DURATION, warmup = DEFAULT_WARMUP, server } = options;
  const base = autocannonOptions(options);
  if (warmup > 0) await autocannon({ ...base, duration: warmup });
  const before = server ? await server.stats() : undefined;
  const raw = await autocannon({ ...base, duration });
  const after = server ? await server.stats() : undefined;
  const requests = raw.requests.total;
  const result: LoadResult = {
    url: options.url,
    rps: requests / raw.duration,
    requests,
    seconds: raw.duration,
    errors: raw.errors + raw.non2xx,
    non2xx: raw.non2xx,
    latency: {
      mean: raw.latency.mean ?? Number.NaN,
      max: raw.latency.max ?? Number.NaN,
      p50: histogramPercentile(raw.latency, 50),
      p90: histogramPercentile(raw.latency, 90),
      p99: histogramPercentile(raw.latency, 99),
      p999: histogramPercentile(raw.latency, 99.9),
    },
    raw: [raw],
  };
  if (before && after) {
    const cpu = cpuMicros(after) - cpuMicros(before);
    result.serverCpuMsPerRequest = requests > 0 ? cpu / 1000 / requests : Number.NaN;
    result.serverCores = cpu / 1e6 / raw.duration;
  }
  return result;
}

/** Merges rounds of one target: throughput over the summed windows, latency of the worst round. */
function merge(rounds: readonly LoadResult[]): LoadResult {
  const first = rounds[0]!;
  const sum = (f: (r: LoadResult) => number) => rounds.reduce((a, r) => a + f(r), 0);
  const worst = (f: (r: LoadResult) => number) => Math.max(...rounds.map(f));
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => r.seconds);
  const merged: LoadResult = {
    url: first.url,
    rps: requests / seconds,
    requests,
    seconds: Math.round(seconds * 100) / 100,
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    latency: {
      mean: sum((r) => r.latency.mean * r.requests) / Math.max(1, requests),
      max: worst((r) => r.latency.max),
      p50: worst((r) => r.latency.p50),
      p90: worst((r) => r.latency.p90),
      p99: worst((r) => r.latency.p99),
      p999: worst((r) => r.latency.p999),
    },
    raw: rounds.flatMap((r) => r.raw),
  };
  if (rounds.every((r) => r.serverCpuMsPerRequest !== undefined)) {
    const cpuMs = sum((r) => r.serverCpuMsPerRequest! * r.requests);
    merged.serverCpuMsPerRequest = cpuMs / Math.max(1, requests);
    merged.serverCores = cpuMs / 1000 / seconds;
  }
  return merged;
}

/**
 * Loads several targets in alternating rounds (A B A B …) and merges each target's rounds, so a
 * neighbour's burst of activity on a shared machine weighs on every target alike rather than on
 * whichever ran at the time. Each target's `duration` is split across the rounds; its warm-up runs
 * once, before its first round.
 */
export async function runRounds<K extends string>(
  targets: Record<K, LoadOptions>,
  rounds = ROUNDS,
): Promise<Record<K, LoadResult>> {
  const done = new Map<K, LoadResult[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [key, options] of Object.entries(targets) as Array<[K, LoadOptions]>) {
      const duration = (options.duration ?? DEFAULT_DURATION) / rounds;
      const warmup = round === 0 ? (options.warmup ?? DEFAULT_WARMUP) : 0;
      const result = await runLoad({ ...options, duration, warmup });
      done.set(key, [...(done.get(key) ?? []), result]);
    }
  }
  return Object.fromEntries([...done].map(([key, results]) => [key, merge(results)])) as Record<
    K,
    LoadResult
  >;
}

/** One line summarising a load run, for progress output. */
export function describeLoad(label: string, result: LoadResult): string {
  const { latency } = result;
  const cpu =
    result.serverCpuMsPerRequest !== undefined
      ? `, server ${result.serverCpuMsPerRequest.toFixed(3)} ms CPU/request at ${result.serverCores!.toFixed(2)} cores`
      : "";
  return (
    `${label}: ${Math.round(result.rps)} req/s over ${result.seconds}s ` +
    `(p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms, ${result.errors} errors${cpu})`
  );
}

export interface Timing {
  /** Latency of each successful (200) answer, request to last byte, ms. */
  samples: number[];
  /** Answers other than 200, and requests that failed. */
  errors: number;
  seconds: number;
}

/**
 * `clients` loops fetching `url` back to back for `seconds`, each request timed to its last byte
 * (for pages whose latency percentiles matter more than the throughput autocannon measures).
 */
export async function timeRequests(
  url: string | (() => string),
  { clients, seconds, headers = {} }: { clients: number; seconds: number; headers?: Record<string, string> },
): Promise<Timing> {
  const samples: number[] = [];
  let errors = 0;
  const begin = performance.now();
  const end = begin + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const target = typeof url === "string" ? url : url();
          const response = await fetch(target, { headers: { accept: "text/html", ...headers } });
          await response.arrayBuffer();
          if (response.status === 200) samples.push(performance.now() - t0);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { samples, errors, seconds: (performance.now() - begin) / 1000 };
}
