import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { contentKey } from "../../core/files/store.js";
import { structures } from "../../core/structures/tables.js";
import { ideas, ideaThresholds } from "./tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const [home] = await database.db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
const author = await createAccount(database);
const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0a0" } })
  .png()
  .toBuffer();
const { key } = contentKey(image);
await app.files.put(key, image);
const [idea] = await database.db
  .insert(ideas)
  .values({
    submissionKey: randomBytes(18).toString("base64url"),
    authorId: author.id,
    structureId: home!.id,
    title: "Covered market for the Saturday farmers",
    description: "A covered place for local farmers to sell on Saturdays, near the station.",
    imageKey: key,
    imageMime: "image/png",
  })
  .returning();
const at = `/en/ideas/${idea!.id}`;
await database.db.insert(ideaThresholds).values({ structureId: home!.id, supports: 50, answerDays: 20 });

/** Signed-in people act (303); anonymous visitors are sent to sign in (303 too, to /sign-in). */
roleMatrix("idea box", testApp, [
  { method: "GET", url: "/en/ideas", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/ideas?sort=answered&status=accepted&area=TN-11", expect: { otherwise: 200 } },
  { method: "GET", url: "/en/ideas/new", expect: { anonymous: 303, otherwise: 200 } },
  { method: "GET", url: "/en/ideas/similar?title=covered%20market", expect: { otherwise: 200 } },
  { method: "POST", url: "/en/ideas", form: {}, expect: { anonymous: 303, otherwise: 422 } },
  { method: "GET", url: at, expect: { otherwise: 200 } },
  { method: "GET", url: `${at}/image`, expect: { otherwise: 200 } },
  { method: "POST", url: `${at}/support`, form: { support: "1" }, expect: { otherwise: 303 } },
  { method: "POST", url: `${at}/follow`, form: { follow: "1" }, expect: { otherwise: 303 } },
  { method: "POST", url: `${at}/comments`, form: { body: "" }, expect: { anonymous: 303, otherwise: 422 } },
  {
    // Only the staff of the idea's structure (and platform admins) answer: an empty answer is a 422 for them.
    method: "POST",
    url: `${at}/status`,
    form: { status: "" },
    expect: { anonymous: 303, agent: 422, structure_admin: 422, platform_admin: 422, otherwise: 403 },
  },
  { method: "GET", url: "/en/ideas/00000000-0000-7000-8000-000000000000", expect: { otherwise: 404 } },
]);

/** The thresholds page: admins of a structure (other_staff runs Ariana) and platform admins. */
roleMatrix("idea thresholds", testApp, [
  {
    method: "GET",
    url: "/en/admin/ideas",
    expect: { anonymous: 303, structure_admin: 200, platform_admin: 200, other_staff: 200, otherwise: 403 },
  },
  {
    // Empty numbers: a 422 for those who may set the home structure's threshold.
    method: "POST",
    url: "/en/admin/ideas",
    form: { structure: home!.id, supports: "", answerDays: "" },
    expect: { anonymous: 303, structure_admin: 422, platform_admin: 422, otherwise: 403 },
  },
  {
    method: "GET",
    url: `/en/admin/ideas/${home!.id}/remove`,
    expect: { anonymous: 303, structure_admin: 200, platform_admin: 200, other_staff: 404, otherwise: 403 },
  },
  {
    // Idempotent: the first admin removes it, the next finds the default already in force.
    method: "POST",
    url: `/en/admin/ideas/${home!.id}/remove`,
    expect: { anonymous: 303, structure_admin: 303, platform_admin: 303, other_staff: 404, otherwise: 403 },
  },
]);
