import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { forumPosts, forumThreads } from "../forum/tables.js";
import { createCategory } from "../forum/testing.js";

const testApp = await createTestApp();
const db = testApp.database.db;
const category = await createCategory(db, "matrix");
const author = await createAccount(testApp.database);
const [thread] = await db
  .insert(forumThreads)
  .values({
    categoryId: category.id,
    authorId: author.id,
    title: "Noise at night",
    body: "Bars close too late.",
  })
  .returning();
const [post] = await db
  .insert(forumPosts)
  .values({ threadId: thread!.id, authorId: author.id, body: "Agreed." })
  .returning();
const item = `/en/moderation/items/forum_post/${post!.id}`;
/** Moderators and platform admins only; the rest of the staff and citizens are forbidden. */
const moderators = (ok: number) => ({ anonymous: 303, moderator: ok, platform_admin: ok, otherwise: 403 });

roleMatrix("moderation", testApp, [
  { method: "GET", url: `/en/flag/forum_post/${post!.id}`, expect: { anonymous: 303, otherwise: 200 } },
  {
    method: "GET",
    url: "/en/flag/integrity_report/00000000-0000-7000-8000-000000000000",
    expect: { anonymous: 303, otherwise: 404 },
  },
  {
    method: "POST",
    url: `/en/flag/forum_post/${post!.id}`,
    form: {},
    expect: { anonymous: 303, otherwise: 422 },
  },
  { method: "GET", url: "/en/moderation", expect: moderators(200) },
  { method: "GET", url: item, expect: moderators(200) },
  { method: "POST", url: item, form: {}, expect: moderators(422) },
  {
    method: "POST",
    url: `/en/moderation/accounts/${author.id}/block?from=forum_post/${post!.id}`,
    form: {},
    expect: moderators(422),
  },
  {
    method: "GET",
    url: "/en/admin/moderation",
    expect: { anonymous: 303, platform_admin: 200, otherwise: 403 },
  },
  {
    method: "POST",
    url: "/en/admin/moderation",
    form: {},
    expect: { anonymous: 303, platform_admin: 422, otherwise: 403 },
  },
]);
