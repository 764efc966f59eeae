import type { FastifyInstance } from "fastify";

interface StoredCookie {
  value: string;
  path: string;
}

export interface Visit {
  url: URL;
  status: number;
  body: string;
  location?: string;
  /** The raw Set-Cookie headers of this answer. */
  setCookies: string[];
}

/**
 * A small browser for tests that cross two sites: Sharek (through app.inject) and a real provider
 * on localhost (through fetch). It keeps a cookie jar per origin (honouring Path, Max-Age and
 * Expires), follows redirects by hand, and can stop before a given address. Test-only.
 */
export class Browser {
  private readonly jars = new Map<string, Map<string, StoredCookie>>();
  /** Every address visited, in order. */
  readonly visited: URL[] = [];

  constructor(
    private readonly app: FastifyInstance,
    /** Sharek's public origin (config.publicUrl): requests there go to app.inject. */
    private readonly appOrigin: string,
  ) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name)?.value;
  }

  setCookie(origin: string, name: string, value: string, path = "/") {
    this.jar(origin).set(name, { value, path });
  }

  /**
   * Requests an address and follows redirects until a page answers, or until `stopBefore` says the
   * next address should not be requested (the returned visit then carries it in `location`, as sent).
   */
  async go(
    address: string,
    options: { form?: Record<string, string>; stopBefore?: (url: URL) => boolean } = {},
  ): Promise<Visit> {
    let url = new URL(address, this.appOrigin);
    let form = options.form;
    for (let hop = 0; hop < 20; hop += 1) {
      const visit = await this.request(url, form);
      if (!visit.location || visit.status < 300 || visit.status >= 400) return visit;
      const next = new URL(visit.location, url);
      if (options.stopBefore?.(next)) return visit;
      url = next;
      form = undefined;
    }
    throw new Error("too many redirects");
  }

  /** Submits the first form of a provider page whose inputs include `match`, with these values. */
  async submit(
    page: Visit,
    match: string,
    values: Record<string, string>,
    stopBefore?: (url: URL) => boolean,
  ) {
    const forms = [...page.body.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
    const found = forms.find((f) => f[2]!.includes(match));
    if (!found) throw new Error(`no form with ${match} on ${page.url.href}:\n${page.body.slice(0, 500)}`);
    const fields: Record<string, string> = {};
    for (const input of found[2]!.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    }
    return this.go(new URL(unescapeHtml(found[1]!), page.url).href, {
      form: { ...fields, ...values },
      stopBefore,
    });
  }

  private async request(url: URL, form?: Record<string, string>): Promise<Visit> {
    this.visited.push(url);
    const cookie = this.cookieHeader(url);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = {
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
      ...(cookie ? { cookie } : {}),
      ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    };
    const method = body ? "POST" : "GET";
    if (url.origin === this.appOrigin) {
      const response = await this.app.inject({
        method,
        url: url.pathname + url.search,
        headers,
        payload: body,
      });
      const setCookies = [response.headers["set-cookie"] ?? []].flat().map(String);
      this.store(url, setCookies);
      const location = response.headers.location;
      return {
        url,
        status: response.statusCode,
        body: response.body,
        location: location && String(location),
        setCookies,
      };
    }
    const response = await fetch(url, { method, headers, body, redirect: "manual" });
    const setCookies = response.headers.getSetCookie();
    this.store(url, setCookies);
    return {
      url,
      setCookies,
      status: response.status,
      body: await response.text(),
      location: response.headers.get("location") ?? undefined,
    };
  }

  private jar(origin: string) {
    let jar = this.jars.get(origin);
    if (!jar) {
      jar = new Map();
      this.jars.set(origin, jar);
    }
    return jar;
  }

  private cookieHeader(url: URL): string {
    const matching = [...this.jar(url.origin)].filter(
      ([, c]) =>
        url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`),
    );
    return matching.map(([name, c]) => `${name}=${c.value}`).join("; ");
  }

  private store(url: URL, headers: string[]) {
    const jar = this.jar(url.origin);
    for (const header of headers) {
      const [pair = "", ...attributes] = header.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const maxAge = attr("max-age");
      const expires = attr("expires");
      const gone =
        value === "" ||
        (maxAge !== undefined && Number(maxAge) <= 0) ||
        (expires !== undefined && Date.parse(expires) <= Date.now());
      const path = attr("path") ?? url.pathname.replace(/\/[^/]*$/, "") ?? "/";
      if (gone) jar.delete(name);
      else jar.set(name, { value, path: path || "/" });
    }
  }
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
