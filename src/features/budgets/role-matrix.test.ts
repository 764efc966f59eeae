import { eq } from "drizzle-orm";
import sharp from "sharp";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { budgetProposalPhotos, budgetProposals } from "./tables.js";
import { makeBudget } from "./testing.js";

const testApp = await createTestApp();
const db = testApp.database.db;
const proposing = await makeBudget(db, {
  structure: HOME_STRUCTURE,
  phase: "proposals",
  proposals: [
    { code: "P-001", cost: 1000, status: "submitted" },
    { code: "P-002", cost: 1000, status: "submitted" },
    { code: "P-003", cost: 1000, status: "submitted" },
  ],
});
// P-001 has a photo; P-002 is held for moderation review, P-003 hidden by a moderator (both with a
// photo, and no author among the matrix's people).
const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0a0" } })
  .jpeg()
  .toBuffer();
await testApp.app.files.put("ab/role-matrix-photo", image);
for (const p of proposing.proposals)
  await db.insert(budgetProposalPhotos).values({
    proposalId: p.id,
    position: 1,
    fileKey: "ab/role-matrix-photo",
    mime: "image/jpeg",
    width: 8,
    height: 8,
    thumbKey: "ab/role-matrix-photo",
    alt: "Une photo",
  });
await db
  .update(budgetProposals)
  .set({ moderationState: "held" })
  .where(eq(budgetProposals.id, proposing.proposals[1]!.id));
await db
  .update(budgetProposals)
  .set({ moderationState: "hidden", moderationReason: "Propos injurieux." })
  .where(eq(budgetProposals.id, proposing.proposals[2]!.id));
const voting = await makeBudget(db, {
  structure: HOME_STRUCTURE,
  phase: "voting",
  proposals: [{ code: "P-001", cost: 1000 }],
});
const closed = await makeBudget(db, {
  structure: HOME_STRUCTURE,
  phase: "results",
  proposals: [{ code: "P-001", cost: 1000 }],
});

const b = `/en/budgets/${proposing.budget.id}`;
const proposal = `${b}/proposals/${proposing.proposals[0]!.id}`;
const held = `${b}/proposals/${proposing.proposals[1]!.id}`;
const hidden = `${b}/proposals/${proposing.proposals[2]!.id}`;
/** Moderators (and platform admins, who moderate too) see what moderation holds or hid; nobody else does. */
const moderators = { moderator: 200, platform_admin: 200, otherwise: 404 };
const v = `/en/budgets/${voting.budget.id}`;
const admin = `/en/admin/budgets/${proposing.budget.id}`;
const review = `${admin}/proposals/${proposing.proposals[0]!.id}/review`;
const NONE = "00000000-0000-7000-8000-000000000000";
/** Staff of the home structure see its budgets; other staff are told it does not exist. */
const homeStaff = (agent: number, adminStatus: number) => ({
  anonymous: 303,
  citizen: 403,
  agent,
  structure_admin: adminStatus,
  platform_admin: adminStatus,
  otherwise: 404,
});

roleMatrix("budgets", testApp, [
  { method: "GET", url: "/en/budgets", expect: { otherwise: 200 } },
  { method: "GET", url: b, expect: { otherwise: 200 } },
  { method: "GET", url: `/en/budgets/${NONE}`, expect: { otherwise: 404 } },
  { method: "GET", url: "/en/budgets/not-a-budget", expect: { otherwise: 404 } },
  { method: "GET", url: proposal, expect: { otherwise: 200 } },
  { method: "GET", url: `${b}/proposals/${NONE}`, expect: { otherwise: 404 } },
  { method: "GET", url: `${proposal}/photos/1`, expect: { otherwise: 200 } },
  { method: "GET", url: `${proposal}/photos/1/thumb`, expect: { otherwise: 200 } },
  { method: "GET", url: `${proposal}/photos/2`, expect: { otherwise: 404 } },
  { method: "GET", url: `${proposal}/photos/x/thumb`, expect: { otherwise: 404 } },
  { method: "GET", url: held, expect: moderators },
  { method: "GET", url: `${held}/photos/1`, expect: moderators },
  { method: "GET", url: `${held}/photos/1/thumb`, expect: moderators },
  {
    method: "POST",
    url: `${held}/support`,
    form: { support: "1" },
    expect: { anonymous: 303, otherwise: 404 },
  },
  { method: "GET", url: hidden, expect: moderators },
  { method: "GET", url: `${hidden}/photos/1`, expect: { otherwise: 404 } },
  { method: "GET", url: `${hidden}/photos/1/thumb`, expect: { otherwise: 404 } },
  {
    method: "POST",
    url: `${hidden}/support`,
    form: { support: "1" },
    expect: { anonymous: 303, otherwise: 404 },
  },
  { method: "GET", url: `${b}/propose`, expect: { anonymous: 303, otherwise: 200 } },
  { method: "POST", url: `${b}/propose`, form: {}, expect: { anonymous: 303, otherwise: 422 } },
  { method: "GET", url: `${v}/propose`, expect: { anonymous: 303, otherwise: 404 } },
  { method: "POST", url: `${proposal}/support`, form: { support: "1" }, expect: { otherwise: 303 } },
  { method: "GET", url: `${v}/vote`, expect: { otherwise: 200 } },
  { method: "GET", url: `${b}/vote`, expect: { otherwise: 404 } },
  { method: "POST", url: `${v}/vote`, form: { action: "check" }, expect: { otherwise: 200 } },
  // An empty ballot is refused for everyone (nobody here is verified, nor holds a code).
  { method: "POST", url: `${v}/vote`, form: { action: "cast" }, expect: { otherwise: 422 } },
  { method: "GET", url: `${v}/vote/change`, expect: { otherwise: 200 } },
  { method: "POST", url: `${v}/vote/change`, form: { receipt: "" }, expect: { otherwise: 422 } },
  { method: "GET", url: `${v}/ballots.json`, expect: { otherwise: 404 } },
  { method: "GET", url: `/en/budgets/${closed.budget.id}/ballots.json`, expect: { otherwise: 200 } },
  {
    method: "GET",
    url: "/en/admin/budgets",
    expect: {
      anonymous: 303,
      agent: 200,
      structure_admin: 200,
      platform_admin: 200,
      other_staff: 200,
      otherwise: 403,
    },
  },
  { method: "GET", url: admin, expect: homeStaff(200, 200) },
  {
    method: "GET",
    url: `/en/admin/budgets/${NONE}`,
    expect: { anonymous: 303, citizen: 403, otherwise: 404 },
  },
  { method: "POST", url: review, form: {}, expect: homeStaff(403, 422) },
  // A proposal moderation hid is out of the review: as if it did not exist.
  {
    method: "POST",
    url: `${admin}/proposals/${proposing.proposals[2]!.id}/review`,
    form: { decision: "accepted" },
    expect: homeStaff(403, 404),
  },
  ...(["GET", "POST"] as const).map((method) => ({
    method,
    url: "/en/admin/budgets/new",
    ...(method === "POST" ? { form: {} } : {}),
    // Structure admins (of any structure) and platform admins create budgets; an empty form is refused.
    expect: {
      anonymous: 303,
      structure_admin: method === "GET" ? 200 : 422,
      platform_admin: method === "GET" ? 200 : 422,
      other_staff: method === "GET" ? 200 : 422,
      otherwise: 403,
    },
  })),
  { method: "GET", url: `${admin}/edit`, expect: homeStaff(403, 200) },
  { method: "POST", url: `${admin}/edit`, form: {}, expect: homeStaff(403, 422) },
  { method: "POST", url: `${admin}/edit`, form: { action: "addRow" }, expect: homeStaff(403, 200) },
  {
    method: "POST",
    url: `/en/admin/budgets/${voting.budget.id}/codes`,
    form: { issue: "1" },
    expect: homeStaff(200, 200),
  },
]);
