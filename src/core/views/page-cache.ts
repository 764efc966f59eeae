import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Negotiator from "negotiator";
import type { Database } from "../../db/client.js";

/**
 * Anonymous public pages, rendered once per language and change instead of once per request: each
 * node keeps the HTML (and its compressed forms) of the pages it rendered for anonymous visitors
 * under the public-content version it read first (migration 0041: a sequence any write to a
 * watched table moves), and serves a page again only while that version has not moved and the
 * page's own max-age has not passed. So a change (a new comment, an edited page) shows on the next
 * request to any node, and a page that shows what no watched table holds is never older than its
 * max-age.
 *
 * A page is kept when its route said so the way HTTP does (`cache-control: public, max-age=N`) and
 * nothing in it belongs to the visitor: no session, no flash message, no CSRF token, no cookie set,
 * answered 200. The routes that were ever kept are remembered, and only their requests read the
 * version: other pages cost nothing more.
 */

interface Entry {
  version: string;
  expiresAt: number;
  headers: Record<string, string>;
  html: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  size: number;
}

const MAX_BYTES = 32 * 1024 * 1024;
/** How many computed values (remember) a node keeps at most; the oldest go first. */
const MAX_VALUES = 500;
const ENCODINGS = ["br", "gzip", "identity"];
const FLASH_COOKIE = "flash";
/** Headers of the rendered reply the cached copy carries; the rest are set again per request. */
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "link", "content-language"];

declare module "fastify" {
  interface FastifyRequest {
    /** The public-content version read before the handler, when this page may be kept. */
    pageCacheVersion: string | null;
  }
  interface FastifyInstance {
    pageCache: PageCache;
  }
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly routes = new Set<string>();
  private readonly values = new Map<
    string,
    { version: string; expiresAt: number; value: Promise<unknown> }
  >();
  private bytes = 0;

  constructor(private readonly database: Database) {}

  /** The version every node compares its pages with: moved by any write to a watched table. */
  async version(): Promise<string> {
    const [row] = await this.database.query<{ v: string }>(
      "select last_value::text as v from public_content_version",
      [],
      "public-content-version",
    );
    return row?.v ?? "0";
  }

  /**
   * A value computed from public content (counts, per-structure figures) kept under `key` for the
   * public-content version it was computed at, and for at most `maxAgeMs` (what depends on the clock
   * too, such as "late", is never older than that). Requests that arrive while it is computed share
   * that computation; a failed one is not kept. `version` is the one the caller already read (the
   * page cache reads it before a kept route's handler), else it is read here.
   */
  async remember<T>(
    key: string,
    compute: () => PromiseLike<T>,
    options: { maxAgeMs?: number; version?: string | null } = {},
  ): Promise<T> {
    const version = options.version ?? (await this.version());
    const now = Date.now();
    const kept = this.values.get(key);
    if (kept && kept.version === version && kept.expiresAt > now) return kept.value as Promise<T>;
    // A real promise, settled once: a query builder is a thenable that runs again on each await.
    const value = Promise.resolve().then(compute);
    this.values.delete(key);
    this.values.set(key, { version, expiresAt: now + (options.maxAgeMs ?? 60_000), value });
    for (const oldest of this.values.keys()) {
      if (this.values.size <= MAX_VALUES) break;
      this.values.delete(oldest);
    }
    value.catch(() => {
      if (this.values.get(key)?.value === value) this.values.delete(key);
    });
    return value;
  }

  private static key(request: FastifyRequest) {
    return request.url;
  }

  /** Whether this request may be answered from (or fill) the cache. */
  static eligible(request: FastifyRequest): boolean {
    return request.method === "GET" && request.session === null && !request.cookies[FLASH_COOKIE];
  }

  /** Called before the handler: the version to compare with, and the kept page when it still holds. */
  async lookup(request: FastifyRequest): Promise<Entry | null> {
    if (!PageCache.eligible(request) || !this.routes.has(request.routeOptions.url ?? "")) return null;
    const version = await this.version();
    request.pageCacheVersion = version;
    const entry = this.entries.get(PageCache.key(request));
    if (!entry) return null;
    if (entry.version !== version || entry.expiresAt <= Date.now()) {
      this.drop(PageCache.key(request), entry);
      return null;
    }
    // Most recently used last: the first entries are the ones to evict.
    this.entries.delete(PageCache.key(request));
    this.entries.set(PageCache.key(request), entry);
    return entry;
  }

  /**
   * Called by reply.render with the page it built: kept when the reply is public and holds nothing
   * of the visitor's. The first time a route's page is kept, its later requests start reading the
   * version; that first page is kept under the version read now, before any newer write shows.
   */
  offer(request: FastifyRequest, reply: FastifyReply, html: string, personal: boolean): void {
    if (personal || reply.statusCode !== 200 || !PageCache.eligible(request)) return;
    if (reply.getHeader("set-cookie") !== undefined) return;
    const maxAge = /(?:^|,)\s*public\s*(?:,|$)/.test(String(reply.getHeader("cache-control") ?? ""))
      ? Number(/max-age=(\d+)/.exec(String(reply.getHeader("cache-control")))?.[1] ?? 0)
      : 0;
    if (maxAge <= 0) return;
    const route = request.routeOptions.url ?? "";
    // A route met for the first time read no version before its handler: its page is not kept, but
    // from now on its requests read the version and fill the cache.
    const version = request.pageCacheVersion;
    this.routes.add(route);
    if (version === null) return;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const body = Buffer.from(html);
    const key = PageCache.key(request);
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    const entry: Entry = {
      version,
      expiresAt: Date.now() + maxAge * 1000,
      headers,
      html: body,
      size: body.length,
    };
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.drop(k, e);
    }
  }

  /** Answers from a kept page, compressed as the browser accepts (each form compressed once). */
  send(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
    const encoding = new Negotiator(request).encoding(ENCODINGS) ?? "identity";
    reply.headers(entry.headers);
    if (encoding === "identity" || entry.html.length < 1024) return reply.send(entry.html);
    const vary = entry.headers.vary ? `${entry.headers.vary}, Accept-Encoding` : "Accept-Encoding";
    reply.header("vary", vary).header("content-encoding", encoding);
    if (encoding === "br") {
      entry.br ??= this.grow(
        entry,
        brotliCompressSync(entry.html, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
      );
      return reply.send(entry.br);
    }
    entry.gzip ??= this.grow(entry, gzipSync(entry.html, { level: 9 }));
    return reply.send(entry.gzip);
  }

  /** How many pages are kept (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private grow(entry: Entry, compressed: Buffer): Buffer {
    entry.size += compressed.length;
    this.bytes += compressed.length;
    return compressed;
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

/** Decorates the app with its page cache and answers kept pages before their handler runs. */
export function registerPageCache(app: FastifyInstance): void {
  app.decorate("pageCache", new PageCache(app.database));
  app.decorateRequest("pageCacheVersion", null);
  app.addHook("preHandler", async (request, reply) => {
    const entry = await app.pageCache.lookup(request);
    if (entry) return app.pageCache.send(request, reply, entry);
  });
}
