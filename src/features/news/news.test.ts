import { eq } from "drizzle-orm";
import { XMLParser } from "fast-xml-parser";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";
import { HOME_STRUCTURE, OTHER_STRUCTURE } from "../../../test/role-matrix.js";
import { notifications } from "../../core/notifications/tables.js";
import { structures } from "../../core/structures/tables.js";
import { newsItems } from "./tables.js";

const { app, database } = await createTestApp();
const db = database.db;
const structureId = async (code: string) =>
  (await db.select({ id: structures.id }).from(structures).where(eq(structures.code, code)))[0]!.id;
const home = await structureId(HOME_STRUCTURE);
const other = await structureId(OTHER_STRUCTURE);
const { agent: writer } = await signedInAgent(app, database, {
  roles: [{ structure: HOME_STRUCTURE, role: "agent" }],
});

let counter = 0;
/** A form of this test's structure with a distinct Arabic title. */
const form = (overrides: Record<string, string> = {}) => ({
  structureId: home,
  category: "consultation_opened",
  titleAr: `فتح استشارة حول النقل ${++counter}`,
  titleFr: `Consultation ouverte sur le transport ${counter}`,
  summaryAr: "ملخص الخبر",
  summaryFr: "Résumé de l’annonce",
  bodyAr: "نص الخبر",
  ...overrides,
});

/** Sends the news form as a browser does: multipart, with the CSRF token of the form page. */
async function sendForm(
  agent: Agent,
  fields: Record<string, string>,
  files: Parameters<typeof multipart>[1] = [],
  options: { url?: string; lang?: string } = {},
) {
  const lang = options.lang ?? "en";
  const url = options.url ?? "/admin/news/new";
  const page = await agent.get(`/${lang}${url}`);
  expect(page.body).toContain(`action="/${lang}${url}" enctype="multipart/form-data"`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const { payload, contentType } = multipart({ _csrf: csrf, ...fields }, files);
  return app.inject({
    method: "POST",
    url: `/${lang}${url}`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

/** Creates a draft through the form; returns its id. */
async function createDraft(fields: Record<string, string> = {}, files: Parameters<typeof multipart>[1] = []) {
  const response = await sendForm(writer, form(fields), files);
  expect(response.statusCode).toBe(303);
  return /\/admin\/news\/([0-9a-f-]{36})\/edit/.exec(response.headers.location as string)![1]!;
}

const photo = () =>
  sharp({ create: { width: 640, height: 360, channels: 3, background: "#336699" } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "secret-author", Make: "SecretCam" } })
    .toBuffer();

const parser = new XMLParser({ ignoreAttributes: false });
const entriesOf = (body: string): Array<{ title: { "#text": string } | string }> => {
  const { feed } = parser.parse(body);
  return [feed.entry ?? []].flat();
};

describe("writing and publishing news", () => {
  it("keeps a draft off every public door until it is published, then shows it everywhere", async () => {
    const id = await createDraft({ titleFr: "Consultation ouverte sur les bibliobus" });
    const anonymous = new Agent(app);
    expect((await anonymous.get(`/fr/news/${id}`)).statusCode).toBe(404);
    expect((await anonymous.get("/fr/news")).body).not.toContain("bibliobus");
    expect((await anonymous.get("/fr/feeds/news.atom")).body).not.toContain("bibliobus");
    expect((await anonymous.get("/fr/search?q=bibliobus")).body).not.toContain(`/fr/news/${id}`);
    expect((await anonymous.get("/sitemaps/news.xml")).body).not.toContain(id);
    // Its writer previews it, marked as a draft, never cached.
    const preview = await writer.get(`/fr/news/${id}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Brouillon");
    expect(preview.headers["cache-control"]).toContain("no-store");

    const published = await writer.post(`/fr/admin/news/${id}/publish`);
    expect(published.statusCode).toBe(303);
    expect((await writer.get(published.headers.location as string)).body).toContain(
      "L’actualité est publiée.",
    );

    const list = await anonymous.get("/fr/news");
    expect(list.body).toContain("bibliobus");
    expect(list.body).toContain('type="application/atom+xml"');
    const article = await anonymous.get(`/fr/news/${id}`);
    expect(article.statusCode).toBe(200);
    expect(article.headers["cache-control"]).toBe("public, max-age=60");
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(article.body)![1]!);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: expect.stringContaining("bibliobus"),
      inLanguage: "fr",
      articleSection: "Consultation ouverte",
      author: { "@type": "GovernmentOrganization" },
      publisher: { "@type": "GovernmentOrganization" },
    });
    expect(new Date(ld.datePublished).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Feeds of the whole site and of its structure (not of another one), the sitemap, the search.
    const feed = await anonymous.get("/fr/feeds/news.atom");
    expect(feed.headers["content-type"]).toContain("application/atom+xml");
    expect(JSON.stringify(entriesOf(feed.body))).toContain("bibliobus");
    expect(
      JSON.stringify(
        entriesOf((await anonymous.get(`/fr/feeds/news.atom?structure=${HOME_STRUCTURE}`)).body),
      ),
    ).toContain("bibliobus");
    expect((await anonymous.get(`/fr/feeds/news.atom?structure=${OTHER_STRUCTURE}`)).body).not.toContain(
      "bibliobus",
    );
    expect((await anonymous.get("/sitemaps/news.xml")).body).toContain(`/news/${id}`);
    expect((await anonymous.get("/fr/search?q=bibliobus")).body).toContain(`/fr/news/${id}`);

    // Withdrawn: gone again from the public doors.
    expect((await writer.post(`/fr/admin/news/${id}/unpublish`)).statusCode).toBe(303);
    expect((await anonymous.get(`/fr/news/${id}`)).statusCode).toBe(404);
    expect((await anonymous.get("/fr/news")).body).not.toContain("bibliobus");
  });

  it("shows a new publication to anonymous visitors at once, although their pages are cached", async () => {
    const anonymous = new Agent(app);
    const before = await anonymous.get("/en/news");
    expect(before.body).not.toContain("Ferry timetable");
    const id = await createDraft({ titleEn: "Ferry timetable consultation" });
    await writer.post(`/en/admin/news/${id}/publish`);
    expect((await anonymous.get("/en/news")).body).toContain("Ferry timetable");
  });

  it("falls back to Arabic where a language is missing, marked with its language", async () => {
    const id = await createDraft({
      titleAr: "يوم إعلامي حول الميزانية التشاركية",
      titleFr: "",
      category: "information_day",
    });
    await writer.post(`/en/admin/news/${id}/publish`);
    const page = (await new Agent(app).get(`/en/news/${id}`)).body;
    expect(page).toContain('<span lang="ar" dir="rtl">يوم إعلامي حول الميزانية التشاركية</span>');
    expect(page).toContain("Information day");
  });

  it("filters the list by category and by structure, a page at a time", async () => {
    const ids = [];
    for (let i = 0; i < 11; i++)
      ids.push(await createDraft({ category: "training", titleEn: `Paging training ${i}` }));
    for (const id of ids) await writer.post(`/en/admin/news/${id}/publish`);
    const anonymous = new Agent(app);
    const first = (await anonymous.get("/en/news?category=training")).body;
    expect(first).toContain("11 news items");
    expect(first).not.toContain("bibliobus");
    expect(first).toContain("Paging training 10");
    expect(first).not.toContain("Paging training 0<");
    const second = (await anonymous.get("/en/news?category=training&page=2")).body;
    expect(second).toContain("Paging training 0<");
    // A category that does not exist is ignored; a structure that does not exist is not found.
    expect((await anonymous.get("/en/news?category=nonsense&page=x")).statusCode).toBe(200);
    expect((await anonymous.get("/en/news?structure=nowhere")).statusCode).toBe(404);
    expect(
      (await anonymous.get(`/en/news?structure=${OTHER_STRUCTURE}&category=training`)).body,
    ).not.toContain("Paging training");
    expect((await anonymous.get(`/en/news?structure=${HOME_STRUCTURE}&category=training`)).body).toContain(
      `/en/feeds/news.atom?structure=${HOME_STRUCTURE}`,
    );
  });

  it("features pinned news on the home page, and only while published and pinned", async () => {
    const id = await createDraft({ titleEn: "Pinned announcement on water cuts" });
    await writer.post(`/en/admin/news/${id}/pin`);
    const anonymous = new Agent(app);
    expect((await anonymous.get("/en")).body).not.toContain("Pinned announcement");
    await writer.post(`/en/admin/news/${id}/publish`);
    expect((await anonymous.get("/en")).body).toContain("Pinned announcement");
    await writer.post(`/en/admin/news/${id}/unpin`);
    expect((await anonymous.get("/en")).body).not.toContain("Pinned announcement");
    // Unpinning twice changes nothing, and says so.
    const again = await writer.post(`/en/admin/news/${id}/unpin`);
    expect((await writer.get(again.headers.location as string)).body).toContain("Nothing changed.");
  });

  it("tells followers of the portal's news and of the structure once, on the first publication", async () => {
    const { agent: follower, account } = await signedInAgent(app, database);
    const { agent: structureFollower } = await signedInAgent(app, database);
    const list = await follower.get("/en/news");
    expect(list.body).toContain("Follow the portal's news");
    expect(
      (await follower.post("/en/subscriptions/follow", { kind: "news", target: "all", back: "/news" }))
        .statusCode,
    ).toBe(303);
    expect(
      (
        await structureFollower.post("/en/subscriptions/follow", {
          kind: "structure",
          target: home,
          back: "/news",
        })
      ).statusCode,
    ).toBe(303);
    expect((await follower.get("/en/subscriptions")).body).toContain("Portal news");

    const id = await createDraft({ titleEn: "Results of the cycling consultation" });
    await writer.post(`/en/admin/news/${id}/publish`);
    for (const agent of [follower, structureFollower]) {
      const centre = (await agent.get("/en/notifications")).body;
      expect(centre).toContain("Results of the cycling consultation");
      expect(centre).toContain(`/en/news/${id}`);
    }
    const told = async () =>
      (await db.select().from(notifications).where(eq(notifications.accountId, account.id))).length;
    expect(await told()).toBe(1);
    await writer.post(`/en/admin/news/${id}/unpublish`);
    await writer.post(`/en/admin/news/${id}/publish`);
    expect(await told()).toBe(1);
  });
});

describe("the news image", () => {
  it("is re-encoded without its metadata, served with its description", async () => {
    const original = await photo();
    expect(original.includes("secret-author")).toBe(true);
    const id = await createDraft(
      {
        titleEn: "Photo of the information day",
        imageAltAr: "قاعة الاجتماعات",
        imageAltEn: "The meeting room",
      },
      [{ name: "image", filename: "day.jpg", type: "image/jpeg", data: original }],
    );
    await writer.post(`/en/admin/news/${id}/publish`);
    const anonymous = new Agent(app);
    const page = (await anonymous.get(`/en/news/${id}`)).body;
    expect(page).toContain(`src="/en/news/${id}/image" alt="The meeting room"`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
    expect(ld.image[0]).toMatch(new RegExp(`/en/news/${id}/image$`));
    const image = await anonymous.get(`/en/news/${id}/image`);
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    expect(image.rawPayload.includes("secret-author")).toBe(false);
    expect(image.rawPayload.includes("SecretCam")).toBe(false);
    expect((await sharp(image.rawPayload).metadata()).width).toBe(640);

    // Kept on edit, gone when removed.
    const kept = await sendForm(writer, form({ titleEn: "Photo, edited", imageAltAr: "قاعة" }), [], {
      url: `/admin/news/${id}/edit`,
    });
    expect(kept.statusCode).toBe(303);
    expect((await anonymous.get(`/en/news/${id}/image`)).statusCode).toBe(200);
    const removed = await sendForm(writer, form({ removeImage: "yes" }), [], {
      url: `/admin/news/${id}/edit`,
    });
    expect(removed.statusCode).toBe(303);
    expect((await anonymous.get(`/en/news/${id}/image`)).statusCode).toBe(404);
  });

  it("refuses an image without a description, a file that is no image and an oversized one, in the page's language", async () => {
    const jpeg = { name: "image", filename: "a.jpg", type: "image/jpeg", data: await photo() };
    const noAlt = await sendForm(writer, form(), [jpeg], { lang: "ar" });
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain("صف الصورة بالعربية");
    expect(noAlt.body).toContain('href="#imageAltAr"');

    const fake = {
      name: "image",
      filename: "a.jpg",
      type: "image/jpeg",
      data: Buffer.from("not an image at all"),
    };
    const malformed = await sendForm(writer, form({ imageAltAr: "صورة" }), [fake]);
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain("The file must be an image");
    // A JPEG header with broken data: recognised as JPEG, not readable.
    const broken = Buffer.concat([(await photo()).subarray(0, 200), Buffer.alloc(500, 7)]);
    const unreadable = await sendForm(writer, form({ imageAltAr: "صورة" }), [{ ...jpeg, data: broken }], {
      lang: "fr",
    });
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.body).toContain("L’image n’a pas pu être lue");

    const big = { ...jpeg, data: Buffer.alloc(5 * 1024 * 1024 + 10, 1) };
    const oversize = await sendForm(writer, form({ imageAltAr: "صورة" }), [big]);
    expect(oversize.statusCode).toBe(422);
    expect(oversize.body).toContain("The image must be 5 MB or smaller");
    // What was typed is kept.
    expect(oversize.body).toContain("صورة");
  });
});

describe("bad input", () => {
  it("answers a form without an Arabic title, with too long a text or a forged structure with translated errors", async () => {
    const missing = await sendForm(writer, form({ titleAr: "" }), [], { lang: "fr" });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain("Saisissez le titre en arabe");
    const long = await sendForm(writer, form({ bodyAr: "ن".repeat(20_001) }));
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain("The text must be 20000 characters or fewer");
    const forged = await sendForm(writer, form({ structureId: other, category: "gossip" }));
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain("Choose one of your structures");
    expect(forged.body).toContain("Choose a category");
    const notUuid = await sendForm(writer, form({ structureId: "'; drop table news_items; --" }));
    expect(notUuid.statusCode).toBe(422);
  });

  it("answers forged and unknown ids with 404, a form without its CSRF token with 403", async () => {
    const anonymous = new Agent(app);
    expect((await anonymous.get("/en/news/not-a-uuid")).statusCode).toBe(404);
    expect((await anonymous.get("/en/news/019a0000-0000-7000-8000-000000000000")).statusCode).toBe(404);
    expect((await anonymous.get("/en/news/019a0000-0000-7000-8000-000000000000/image")).statusCode).toBe(404);
    expect((await writer.post("/en/admin/news/not-a-uuid/publish")).statusCode).toBe(404);
    const id = await createDraft();
    expect((await writer.post(`/en/admin/news/${id}/publish`, {}, { csrf: false })).statusCode).toBe(403);
    const { payload, contentType } = multipart(form());
    const noToken = await app.inject({
      method: "POST",
      url: "/en/admin/news/new",
      headers: { cookie: writer.cookieHeader(), "content-type": contentType },
      payload,
    });
    expect(noToken.statusCode).toBe(403);
    const [row] = await db.select().from(newsItems).where(eq(newsItems.id, id));
    expect(row!.published).toBe(false);
  });
});
