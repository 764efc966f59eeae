import { eq } from "drizzle-orm";
import sharp from "sharp";
import { createTestApp } from "../../../test/app.js";
import { expectFor, HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { contentKey } from "../../core/files/store.js";
import { structures } from "../../core/structures/tables.js";
import { newsItems } from "./tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const [home] = await database.db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0a0" } })
  .png()
  .toBuffer();
const { key } = contentKey(image);
await app.files.put(key, image);
const values = {
  structureId: home!.id,
  category: "training" as const,
  title: { ar: "دورة تكوينية" },
  imageKey: key,
  imageMime: "image/png",
  imageAlt: { ar: "مربع أخضر" },
};
const [published] = await database.db
  .insert(newsItems)
  .values({ ...values, published: true, publishedAt: new Date() })
  .returning();
const [draft] = await database.db.insert(newsItems).values(values).returning();
const form = {
  structureId: home!.id,
  category: "information_day",
  titleAr: "يوم إعلامي",
};

/** Published news is anyone's; drafts and writing are the structure's staff's (agents and admins) and platform admins'. */
roleMatrix("news", testApp, [
  { method: "GET", url: "/en/news", expect: { otherwise: 200 } },
  {
    method: "GET",
    url: `/ar/news?category=training&structure=${HOME_STRUCTURE}&page=2`,
    expect: { otherwise: 200 },
  },
  { method: "GET", url: `/en/news/${published!.id}`, expect: { otherwise: 200 } },
  { method: "GET", url: `/en/news/${published!.id}/image`, expect: { otherwise: 200 } },
  {
    method: "GET",
    url: `/en/news/${draft!.id}`,
    expect: { agent: 200, structure_admin: 200, platform_admin: 200, otherwise: 404 },
  },
  {
    method: "GET",
    url: `/en/news/${draft!.id}/image`,
    expect: { agent: 200, structure_admin: 200, platform_admin: 200, otherwise: 404 },
  },
  {
    method: "GET",
    url: "/en/admin/news",
    expect: {
      anonymous: 303,
      agent: 200,
      structure_admin: 200,
      platform_admin: 200,
      other_staff: 200,
      otherwise: 403,
    },
  },
  {
    method: "GET",
    url: "/en/admin/news/new",
    expect: {
      anonymous: 303,
      agent: 200,
      structure_admin: 200,
      platform_admin: 200,
      other_staff: 200,
      otherwise: 403,
    },
  },
  {
    method: "POST",
    url: "/en/admin/news/new",
    form,
    // Staff of another structure may write news, but not for this one: the form says so.
    expect: {
      anonymous: 303,
      agent: 303,
      structure_admin: 303,
      platform_admin: 303,
      other_staff: 422,
      otherwise: 403,
    },
  },
  { method: "GET", url: `/en/admin/news/${draft!.id}/edit`, expect: expectFor.structureMembers(200) },
  {
    method: "POST",
    url: `/en/admin/news/${draft!.id}/edit`,
    form: { ...form, imageAltAr: "مربع أخضر" },
    expect: expectFor.structureMembers(303),
  },
  ...(["publish", "unpublish", "pin", "unpin"] as const).map((change) => ({
    method: "POST" as const,
    url: `/en/admin/news/${draft!.id}/${change}`,
    expect: expectFor.structureMembers(303),
  })),
]);
