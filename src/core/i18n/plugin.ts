import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import Negotiator from "negotiator";
import { type Translate, translator } from "./catalog.js";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./localized.js";

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
    /** Locale-relative path: "/fr/requests?x" → "/requests". */
    localPath: string;
    t: Translate;
  }
}

export const LOCALE_COOKIE = "lang";

/** The locale a visitor prefers when the URL does not say: cookie, then Accept-Language, then Arabic. */
export function preferredLocale(request: FastifyRequest): Locale {
  const fromCookie = request.cookies?.[LOCALE_COOKIE];
  if (isLocale(fromCookie)) return fromCookie;
  const negotiated = new Negotiator(request).language([...LOCALES]);
  return isLocale(negotiated) ? negotiated : DEFAULT_LOCALE;
}

function splitLocale(url: string): { locale: Locale | null; path: string } {
  const pathname = url.split("?")[0] ?? "/";
  const match = /^\/(ar|fr|en)(\/.*)?$/.exec(pathname);
  if (!match) return { locale: null, path: pathname };
  return { locale: match[1] as Locale, path: match[2] || "/" };
}

/**
 * Sets request.locale for every request: from the URL prefix when there is one, otherwise from
 * the visitor's preference (so a 404 or a CSRF error on any URL speaks their language).
 * `/` redirects to the preferred locale's home page.
 */
export const i18nPlugin = fp(
  async (app) => {
    // Load and compile-check every catalogue now: a broken message file stops start-up, not a page.
    const translators = Object.fromEntries(LOCALES.map((l) => [l, translator(l)])) as Record<
      Locale,
      Translate
    >;
    app.decorateRequest("locale", DEFAULT_LOCALE);
    app.decorateRequest("localPath", "/");
    app.decorateRequest("t", null as unknown as Translate);

    app.addHook("onRequest", async (request, reply: FastifyReply) => {
      const { locale, path } = splitLocale(request.url);
      request.locale = locale ?? preferredLocale(request);
      request.localPath = path;
      request.t = translators[request.locale];
      // Remember an explicit choice, so "/" sends the visitor back to it. Set only on change,
      // so ordinary page views stay free of Set-Cookie and cacheable.
      if (locale && request.method === "GET" && request.cookies?.[LOCALE_COOKIE] !== locale) {
        reply.setCookie(LOCALE_COOKIE, locale, {
          path: "/",
          maxAge: 365 * 24 * 3600,
          sameSite: "lax",
          httpOnly: true,
          secure: app.config.isProduction,
        });
      }
    });

    app.get("/", async (request, reply) => {
      reply.header("vary", "Cookie, Accept-Language");
      return reply.redirect(`/${preferredLocale(request)}`, 302);
    });
  },
  { name: "sharek-i18n", dependencies: ["@fastify/cookie", "sharek-config"] },
);
