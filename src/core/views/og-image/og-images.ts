import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import Type, { type Static } from "typebox";
import { NotFoundError, UnavailableError } from "../../errors/app-error.js";
import { translator } from "../../i18n/catalog.js";
import { dirOf, isLocale, LOCALES, type Locale } from "../../i18n/localized.js";
import { type Card, renderCard } from "./card.js";

declare module "fastify" {
  interface FastifyInstance {
    ogImages: OgImages;
  }
}

/** Raised when the card's design changes: every image gets a new address. */
const DESIGN = "1";
/** Longer titles are cut (with an ellipsis): the address stays short, the picture readable. */
const MAX_TITLE = 160;
/** Pictures one node keeps (about 30–60 KB each): a bounded cache, nothing else lives per node. */
const MAX_BYTES = 16 * 1024 * 1024;
/** Pictures drawn at once by one node, and waiting their turn; more answer 503 "try again". */
const RENDERING = 2;
const WAITING = 16;

const Params = Type.Object({
  lang: Type.String({ maxLength: 2 }),
  file: Type.String({ pattern: "^[0-9a-f]{32}\\.png$" }),
});
const Query = Type.Object({ t: Type.String({ pattern: "^[A-Za-z0-9_-]{1,1000}$" }) });

/** A page title as the card shows it: one line of text, at most MAX_TITLE characters. */
export function cardTitle(title: string): string {
  const flat = title.replace(/[\p{Cc}\s]+/gu, " ").trim();
  const chars = [...flat];
  return chars.length <= MAX_TITLE
    ? flat
    : `${chars
        .slice(0, MAX_TITLE - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * The link-preview picture of each page (og:image), rendered from the page's title in its language.
 * Its address carries the title and an HMAC over everything the picture shows (design, language,
 * title, site name, address), under a key derived from the cookie secret every node shares: any
 * node can draw the picture of any address a page gave out, the address changes whenever the
 * picture would, so it is cached for a year as immutable, and nobody can have a picture drawn for a
 * title that no page of the portal showed (a forged or altered address answers 404).
 */
export class OgImages {
  private readonly key: Buffer;
  private readonly siteNames: Record<Locale, string>;
  private readonly host: string;
  private readonly kept = new Map<string, Buffer>();
  private bytes = 0;
  private readonly drawing = new Map<string, Promise<Buffer>>();
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(secret: string, publicUrl: string) {
    this.key = createHmac("sha256", secret).update("sharek og-image").digest();
    this.siteNames = Object.fromEntries(
      LOCALES.map((l) => [l, translator(l)("views.layout.siteName")]),
    ) as Record<Locale, string>;
    this.host = new URL(publicUrl).host;
  }

  private signature(locale: Locale, title: string): string {
    return createHmac("sha256", this.key)
      .update(JSON.stringify([DESIGN, locale, title, this.siteNames[locale], this.host]))
      .digest("hex")
      .slice(0, 32);
  }

  /** The picture's path for a page title: "/og/ar/<hmac>.png?t=<title, base64url>". */
  path(locale: Locale, pageTitle: string): string {
    const title = cardTitle(pageTitle);
    const t = Buffer.from(title).toString("base64url");
    return `/og/${locale}/${this.signature(locale, title)}.png?t=${t}`;
  }

  /** The picture at a path given out by path(); NotFoundError for any other. */
  async image(lang: string, file: string, t: string): Promise<Buffer> {
    if (!isLocale(lang)) throw new NotFoundError();
    const title = Buffer.from(t, "base64url").toString();
    const expected = Buffer.from(`${this.signature(lang, title)}.png`);
    const given = Buffer.from(file);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new NotFoundError();
    const id = expected.toString();
    const kept = this.kept.get(id);
    if (kept) {
      // Most recently used last: the first entries are the ones to evict.
      this.kept.delete(id);
      this.kept.set(id, kept);
      return kept;
    }
    // Many crawlers asking for the same new picture at once: it is drawn once.
    let pending = this.drawing.get(id);
    if (!pending) {
      pending = this.draw({ title, siteName: this.siteNames[lang], host: this.host, dir: dirOf(lang) })
        .then((png) => this.keep(id, png))
        .finally(() => this.drawing.delete(id));
      this.drawing.set(id, pending);
    }
    return pending;
  }

  /** How many pictures this node keeps (for tests and metrics). */
  get size(): number {
    return this.kept.size;
  }

  /** Draws a card when a drawing slot is free; refuses at once when too many are waiting. */
  private async draw(card: Card): Promise<Buffer> {
    if (this.active >= RENDERING) {
      if (this.queue.length >= WAITING) throw new UnavailableError();
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.active++;
    try {
      return await renderCard(card);
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  private keep(id: string, png: Buffer): Buffer {
    this.kept.set(id, png);
    this.bytes += png.length;
    for (const [key, value] of this.kept) {
      if (this.bytes <= MAX_BYTES) break;
      this.kept.delete(key);
      this.bytes -= value.length;
    }
    return png;
  }
}

/** Decorates the app with its picture maker and serves /og/:lang/:file (outside the pages' scope: no cookie). */
export function registerOgImages(app: FastifyInstance): void {
  app.decorate("ogImages", new OgImages(app.config.cookieSecret, app.config.publicUrl));
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>(
    "/og/:lang/:file",
    {
      schema: { params: Params, querystring: Query },
      // Crawlers fetch a picture once per shared link; a robot asking for many new ones is slowed.
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const png = await app.ogImages.image(request.params.lang, request.params.file, request.query.t);
      return reply.type("image/png").header("cache-control", "public, max-age=31536000, immutable").send(png);
    },
  );
}
