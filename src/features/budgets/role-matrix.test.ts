import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { makeBudget } from "./testing.js";

const testApp = await createTestApp();
const db = testApp.database.db;
const proposing = await makeBudget(db, {
  structure: HOME_STRUCTURE,
  phase: "proposals",
  proposals: [{ code: "P-001", cost: 1000, status: "submitted" }],
});
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
