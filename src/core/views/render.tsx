import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { isStaff } from "../authz/actor.js";
import { adminSectionsOf } from "../features/registry.js";
import { dirOf } from "../i18n/localized.js";
import { ErrorSummary } from "./components/error-summary/error-summary.js";
import { type Flash, Page, type PageContext, type PageErrors } from "./context.js";
import { ERROR_SUMMARY_SLOT } from "./layout.js";
import { registerOgImages } from "./og-image/og-images.js";
import { registerPageCache } from "./page-cache.js";
import { runningVersion } from "./release.js";

export const PUBLIC_DIR = fileURLToPath(new URL("../../../public", import.meta.url));

declare module "fastify" {
  interface FastifyReply {
    /** Renders a page (a <Layout> tree) as a full HTML document. */
    render(page: VNode, status?: number): FastifyReply;
    /**
     * Sends a document that is the same for every anonymous visitor (a feed, a sitemap), of the type
     * set before: kept by the page cache as a page is, when its cache-control says public.
     */
    sendShared(body: string): FastifyReply;
    /** Post/Redirect/Get: 303 to a locale-relative path, with an optional flash message. */
    redirectWithFlash(path: string, flash?: Flash): FastifyReply;
  }
}

const FLASH_COOKIE = "flash";

/** Content hashes of public/ files, so their URLs change when they do and can be cached for a year. */
function assetVersions(): Map<string, string> {
  const versions = new Map<string, string>();
  for (const file of readdirSync(PUBLIC_DIR)) {
    const hash = createHash("sha256")
      .update(readFileSync(join(PUBLIC_DIR, file)))
      .digest("hex");
    versions.set(file, hash.slice(0, 12));
  }
  return versions;
}

const SLOT = renderToString(ERROR_SUMMARY_SLOT);

/**
 * Renders a page. On an error answer (4xx), the page's error summaries (and useFieldErrors) hand
 * their items over instead of rendering; they are shown in one summary in the layout's slot at the
 * top of <main> (focused on load, linking to each field), and the <title> starts with "Error: ". So
 * no form can forget them, and an error far down a long page is still announced first.
 */
export function renderPage(ctx: PageContext, page: VNode, status = 200): string {
  const plain = () => renderToString(<Page.Provider value={ctx}>{page}</Page.Provider>);
  if (status < 400 || status >= 500) return plain();
  const pageErrors: PageErrors = { items: [], problem: false, layout: false };
  const html = renderToString(<Page.Provider value={{ ...ctx, pageErrors }}>{page}</Page.Provider>);
  // Without the layout's slot (no such page today), the summaries stay where the page put them.
  if (!pageErrors.layout) return pageErrors.items.length > 0 ? plain() : html;
  const seen = new Set<string>();
  const items = pageErrors.items.filter((item) => {
    const key = `${item.fieldId}\n${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const summary = renderToString(
    <Page.Provider value={ctx}>
      <ErrorSummary errors={items} placement="page" />
    </Page.Provider>,
  );
  const failed = items.length > 0 || pageErrors.problem || status === 422;
  // Text is escaped in the page, so the slot and "<title>" can only be the layout's own (the first).
  const prefix = failed ? escapeHtml(ctx.t("views.errorSummary.titlePrefix")) : "";
  return html.replace(SLOT, () => summary).replace("<title>", () => `<title>${prefix}`);
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: (f: string) => string,
  source: PageContext["source"],
): PageContext {
  const query = request.url.indexOf("?");
  let csrf: string | undefined;
  return {
    locale: request.locale,
    dir: dirOf(request.locale),
    t: request.t,
    path: request.localPath,
    search: query >= 0 ? request.url.slice(query) : "",
    csrfToken: () => {
      csrf ??= reply.generateCsrf();
      return csrf;
    },
    asset,
    flash: readFlash(request, reply),
    requestId: request.id,
    publicUrl: request.server.config.publicUrl,
    ogImage: (title) => request.server.ogImages.path(request.locale, title),
    source,
    adminLinks: () =>
      adminSectionsOf(request.server.features ?? [])
        .filter((section) => section.nav !== false && section.allowed(request.actor))
        .map(({ id, path, labelKey }) => ({ id, path, labelKey })),
    account: request.account
      ? {
          name: request.account.displayName,
          staff: request.actor.staffLocked !== null || isStaff(request.actor),
          unread: request.unreadNotifications ?? 0,
        }
      : null,
  };
}

function readFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: "/" });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const flash = JSON.parse(unsigned.value) as Flash;
    return { kind: flash.kind === "success" ? "success" : "info", message: request.t(flash.message) };
  } catch {
    return undefined;
  }
}

export const viewsPlugin = fp(
  async (app) => {
    const versions = assetVersions();
    const asset = (file: string) => `/static/${file}?v=${versions.get(file) ?? "0"}`;

    await app.register(fastifyStatic, {
      root: PUBLIC_DIR,
      prefix: "/static/",
      maxAge: "365d",
      immutable: true,
      index: false,
      wildcard: false,
    });

    registerPageCache(app);
    registerOgImages(app);
    const source = { url: app.config.SOURCE_URL, version: runningVersion(app.config.SOURCE_COMMIT) };

    app.decorateReply("render", function (this: FastifyReply, page: VNode, status = 200) {
      const ctx = pageContext(this.request, this, asset, source);
      // A form's CSRF token belongs to the visitor: its page is never kept for others.
      let personal = ctx.flash !== undefined;
      const csrfToken = ctx.csrfToken;
      ctx.csrfToken = () => {
        personal = true;
        return csrfToken();
      };
      // A page that shows who is signed in is for that person only: never in a shared cache.
      // Caches must also tell a signed-in visitor's request (session cookie) from an anonymous one.
      if (this.request.account) this.header("cache-control", "private, no-store");
      this.header("vary", "Cookie");
      const html = `<!doctype html>${renderPage(ctx, page, status)}`;
      this.code(status).type("text/html; charset=utf-8");
      app.pageCache.offer(this.request, this, html, personal);
      return this.send(html);
    });

    app.decorateReply("sendShared", function (this: FastifyReply, body: string) {
      app.pageCache.offer(this.request, this, body, false);
      return this.send(body);
    });

    app.decorateReply("redirectWithFlash", function (this: FastifyReply, path: string, flash?: Flash) {
      if (flash) {
        this.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
          path: "/",
          signed: true,
          httpOnly: true,
          sameSite: "lax",
          secure: app.config.isProduction,
          maxAge: 60,
        });
      }
      return this.redirect(`/${this.request.locale}${path === "/" ? "" : path}`, 303);
    });
  },
  { name: "sharek-views", dependencies: ["sharek-i18n", "@fastify/csrf-protection"] },
);
