import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { forumPosts, forumThreads } from "./tables.js";
import { createCategory } from "./testing.js";

const testApp = await createTestApp();
const { database } = testApp;
const db = database.db;
const category = await createCategory(db, "matrix");
await createCategory(db, "elsewhere");
const author = await createAccount(database);
const [thread] = await db
  .insert(forumThreads)
  .values({
    categoryId: category.id,
    authorId: author.id,
    title: "Street lighting at night",
    body: "Half the lamps are off.",
  })
  .returning();
const [answer] = await db
  .insert(forumPosts)
  .values({ threadId: thread!.id, authorId: author.id, body: "We are replacing them.", official: true })
  .returning();
const at = `/en/forum/threads/${thread!.id}`;
/** Moderators and platform admins manage threads; the rest of the staff may not. */
const managers = { anonymous: 303, moderator: 303, platform_admin: 303, otherwise: 403 };
const admins = (ok: number) => ({ anonymous: 303, platform_admin: ok, otherwise: 403 });

roleMatrix("forum", testApp, [
  { method: "GET", url: "/en/forum", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/forum/matrix", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/forum/no-such-category", expect: { otherwise: 404 } },
  { method: "GET", url: "/en/forum/matrix/new", expect: { anonymous: 303, otherwise: 200 } },
  { method: "POST", url: "/en/forum/matrix/threads", form: {}, expect: { anonymous: 303, otherwise: 422 } },
  { method: "GET", url: at, expect: { otherwise: 200 } },
  { method: "POST", url: `${at}/replies`, form: { body: "" }, expect: { anonymous: 303, otherwise: 422 } },
  { method: "POST", url: `${at}/follow`, form: { follow: "1" }, expect: { otherwise: 303 } },
  { method: "POST", url: `${at}/manage`, form: { action: "none" }, expect: managers },
  { method: "POST", url: `/en/forum/posts/${answer!.id}/pin`, form: { pin: "0" }, expect: managers },
  { method: "GET", url: "/en/admin/forum", expect: admins(200) },
  { method: "POST", url: "/en/admin/forum", form: {}, expect: admins(422) },
  { method: "POST", url: `/en/admin/forum/${category.id}`, form: {}, expect: admins(422) },
]);
