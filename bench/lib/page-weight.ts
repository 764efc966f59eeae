import { existsSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { REPO_DIR } from "./app-env.js";

/**
 * Page weight as a first-time visitor's browser pays it: the compressed bytes of a page's HTML and
 * of the same-origin stylesheets, scripts and images it references.
 */

/** What a browser sends. The server picks the encoding it prefers among these. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

export interface Transfer {
  url: string;
  status: number;
  contentType: string;
  /** content-encoding of the answer ("identity" when none). */
  encoding: string;
  /** Body bytes on the wire (headers excluded). */
  bytes: number;
  /** Body bytes once decoded. */
  decodedBytes: number;
  body: Buffer;
}

export interface PageWeight {
  path: string;
  page: Transfer;
  assets: Transfer[];
  /** HTML + assets, bytes on the wire. */
  total: number;
}

function decode(body: Buffer, encoding: string): Buffer {
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "deflate") return inflateSync(body);
  return body;
}

/** GET with the raw socket bytes counted (fetch() would decode them out of sight). */
export function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = String(res.headers["content-encoding"] ?? "identity");
          try {
            const body = decode(raw, encoding);
            resolve({
              url,
              status: res.statusCode ?? 0,
              contentType: String(res.headers["content-type"] ?? ""),
              encoding,
              bytes: raw.length,
              decodedBytes: body.length,
              body,
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of tag.replace(/^<\w+|\/?>$/g, "").matchAll(re)) {
    attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

const unescapeHtml = (s: string) =>
  s.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&#x27;", "'");

/** URLs of the stylesheets, scripts, preloads and images an HTML page makes the browser fetch. */
export function referencedAssets(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(?:link|script|img)\b[^>]*>/gi)) {
    const name = /^<(\w+)/.exec(tag)![1]!.toLowerCase();
    const attrs = attributes(tag);
    let url: string | undefined;
    if (name === "link") {
      const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
      if (rel.some((r) => r === "stylesheet" || r === "modulepreload" || r === "preload"))
        url = attrs.get("href");
    } else {
      url = attrs.get("src");
    }
    if (url) found.push(unescapeHtml(url));
  }
  return found;
}

/** Stylesheets a stylesheet imports (fetched whatever the page shows). */
function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?/g)].map((m) => m[1]!);
}

/**
 * Weighs one page. Assets are fetched once per `cache` and counted in full for every page, as a
 * first visit to that page would pay them.
 */
export async function weighPage(
  base: string,
  path: string,
  cache = new Map<string, Promise<Transfer>>(),
): Promise<PageWeight> {
  const page = await fetchRaw(new URL(path, base).toString(), { accept: "text/html" });
  const origin = new URL(base).origin;
  const assets: Transfer[] = [];
  if (page.contentType.startsWith("text/html")) {
    const seen = new Set<string>();
    const queue = referencedAssets(page.body.toString("utf8")).map((u) => new URL(u, page.url));
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (url.origin !== origin || seen.has(url.href)) continue;
      seen.add(url.href);
      if (!cache.has(url.href)) cache.set(url.href, fetchRaw(url.href));
      const asset = await cache.get(url.href)!;
      assets.push(asset);
      if (asset.contentType.startsWith("text/css")) {
        for (const imported of cssImports(asset.body.toString("utf8"))) queue.push(new URL(imported, url));
      }
    }
  }
  return { path, page, assets, total: page.bytes + assets.reduce((sum, a) => sum + a.bytes, 0) };
}

const LOCALES = ["ar", "fr", "en"] as const;

/** Pages the app serves only outside production (src/app.ts): weighed, but not held to the budget. */
const DEVELOPMENT_ONLY = [/^\/(ar|fr|en)\/gallery(\/|$)/];

export interface PageTarget {
  /** Full path, e.g. "/fr/sign-in". */
  path: string;
  /** The status the page answers with on purpose (200, or 404 for the not-found page). */
  status: number;
  /** Served only outside production: its weight is informational. */
  developmentOnly: boolean;
}

/** "/" → "/ar", "/sign-in" → "/ar/sign-in" (e2e/pages.ts paths are locale-relative). */
function localized(lang: string, path: string): string {
  return `/${lang}${path === "/" ? "" : path}`;
}

function target(path: string, status = 200): PageTarget {
  return { path, status, developmentOnly: DEVELOPMENT_ONLY.some((re) => re.test(path)) };
}

/** Expands one listed page into full paths: locale-relative paths and ":lang" get all three locales. */
function expand(path: string): string[] {
  if (/:lang\b|\{lang\}/.test(path)) return LOCALES.map((l) => path.replace(/:lang\b|\{lang\}/, l));
  if (/^\/(ar|fr|en)(\/|$)/.test(path)) return [path];
  return LOCALES.map((l) => localized(l, path));
}

type PageEntry = string | { path?: unknown; status?: unknown; public?: unknown };

function fromEntry(entry: PageEntry): PageTarget[] {
  if (typeof entry === "string") return entry.startsWith("/") ? expand(entry).map((p) => target(p)) : [];
  if (!entry || typeof entry !== "object" || entry.public === false) return [];
  const { path, status } = entry;
  if (typeof path !== "string" || !path.startsWith("/")) return [];
  return expand(path).map((p) => target(p, typeof status === "number" ? status : 200));
}

/**
 * The public pages to weigh: the three home pages, plus every page e2e/pages.ts lists (its
 * STATIC_PAGES, or another exported array of paths or of { path, status }), when that file exists.
 */
export async function publicPages(): Promise<{ pages: PageTarget[]; source: string }> {
  const pages = new Map<string, PageTarget>(LOCALES.map((l) => [`/${l}`, target(`/${l}`)]));
  const file = join(REPO_DIR, "e2e", "pages.ts");
  let source = "the home pages; e2e/pages.ts does not exist";
  if (existsSync(file)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const preferred = ["STATIC_PAGES", "PUBLIC_PAGES", "PAGES", "pages", "default"];
    const name = [...preferred.filter((n) => n in mod), ...Object.keys(mod)].find(
      (n) => Array.isArray(mod[n]) && (mod[n] as unknown[]).some((e) => fromEntry(e as PageEntry).length > 0),
    );
    if (name) {
      for (const entry of mod[name] as PageEntry[]) {
        for (const page of fromEntry(entry)) if (!pages.has(page.path)) pages.set(page.path, page);
      }
      source = `the home pages and e2e/pages.ts ${name}`;
    } else {
      source = "the home pages; e2e/pages.ts exports no list of pages";
    }
  }
  return { pages: [...pages.values()], source };
}
