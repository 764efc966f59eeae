import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";

/** One window of a counter: how many hits so far, and when the window ends (ms since epoch). */
export interface CounterWindow {
  count: number;
  resetAt: number;
}

/** Counts hits per key in fixed windows. */
export interface Counters {
  /** Adds one hit to `key`'s current window (a new window of `windowMs` when none is open). */
  hit(key: string, windowMs: number): Promise<CounterWindow>;
  /** The current window without adding a hit (count 0 when none is open). */
  peek(key: string): Promise<CounterWindow>;
}

/** Expired rows are swept at most this often per process (any node may do it). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Counters in PostgreSQL, so every node behind the load balancer counts the same hits. One upsert
 * per hit (a prepared statement, committed without waiting for the disk): it opens a window or adds
 * to the open one, atomically. Keys are stored as an HMAC under `secret` (shared by every node), so
 * no address is ever written in clear.
 */
export function databaseCounters(database: Database, secret: string): Counters {
  const opaque = (key: string) => createHmac("sha256", secret).update(key).digest("base64url");
  let lastSweep = 0;
  const sweep = () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    database.db.execute(sql`delete from rate_counters where reset_at < now()`).catch(() => {
      lastSweep = 0;
    });
  };
  return {
    async hit(key, windowMs) {
      sweep();
      // The statement's own commit does not wait for the disk (set_config(…, true) holds for its
      // transaction): a crash may forget the last fraction of a second of hits, which a rate limit
      // can afford, and no request waits for a flush to be counted.
      const [row] = await database.query<{ count: number; reset_at: Date }>(
        `insert into rate_counters as c (key, count, reset_at)
         select $1, 1, now() + make_interval(secs => $2::float8 / 1000)
         from (select set_config('synchronous_commit', 'off', true)) as relaxed
         on conflict (key) do update set
           count = case when c.reset_at <= now() then 1 else c.count + 1 end,
           reset_at = case when c.reset_at <= now() then excluded.reset_at else c.reset_at end
         returning count, reset_at`,
        [opaque(key), windowMs],
        "rate-counter-hit",
      );
      return { count: Number(row?.count ?? 1), resetAt: new Date(row!.reset_at).getTime() };
    },
    async peek(key) {
      const [row] = await database.query<{ count: number; reset_at: Date }>(
        "select count, reset_at from rate_counters where key = $1 and reset_at > now()",
        [opaque(key)],
      );
      return row
        ? { count: Number(row.count), resetAt: new Date(row.reset_at).getTime() }
        : { count: 0, resetAt: 0 };
    },
  };
}

/** Counters in this process's memory: for the embedded database, which only one process can open. */
export function memoryCounters(limit = 50_000): Counters {
  const windows = new Map<string, CounterWindow>();
  return {
    async hit(key, windowMs) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        if (windows.size >= limit) {
          for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
          if (windows.size >= limit) windows.delete(windows.keys().next().value as string);
        }
      }
      window.count += 1;
      windows.set(key, window);
      return { ...window };
    },
    async peek(key) {
      const window = windows.get(key);
      return window && window.resetAt > Date.now() ? { ...window } : { count: 0, resetAt: 0 };
    },
  };
}

/** Shared counters where nodes can share them (PostgreSQL), this process's memory on PGlite. */
export function countersFor(database: Database, secret: string): Counters {
  return database.kind === "postgres" ? databaseCounters(database, secret) : memoryCounters();
}

interface RateLimitReply {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, reply?: RateLimitReply) => void;

/**
 * A store for @fastify/rate-limit over these counters (the plugin constructs it, then asks each
 * route with its own limit for a child, whose keys are namespaced by method and URL).
 */
export function rateLimitStore(counters: Counters) {
  return class CountersStore {
    readonly prefix: string;
    constructor(_params?: unknown, prefix = "rate:") {
      this.prefix = prefix;
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      counters.hit(this.prefix + key, timeWindow).then(
        (w) => callback(null, { current: w.count, ttl: Math.max(0, w.resetAt - Date.now()) }),
        (error: Error) => callback(error),
      );
    }
    read(key: string, callback: Callback) {
      counters.peek(this.prefix + key).then(
        (w) => callback(null, { current: w.count, ttl: Math.max(0, w.resetAt - Date.now()) }),
        (error: Error) => callback(error),
      );
    }
    child(options: object) {
      // At run time the plugin passes the route's merged limits, with the route as `routeInfo`.
      const { method = "", url = "" } =
        (options as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? {};
      return new CountersStore(undefined, `${this.prefix}${String(method)} ${String(url)}:`);
    }
  };
}
