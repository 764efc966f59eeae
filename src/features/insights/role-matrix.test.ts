import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";

const testApp = await createTestApp();

/** Platform admins and structure admins (of gov-tn-11, or other_staff's gov-tn-12) see dashboards. */
const dashboards = {
  anonymous: 303,
  platform_admin: 200,
  structure_admin: 200,
  other_staff: 200,
  otherwise: 403,
};
const platformOnly = (ok: number) => ({ anonymous: 303, platform_admin: ok, otherwise: 403 });

roleMatrix("insights", testApp, [
  { method: "GET", url: "/en/admin/insights", expect: dashboards },
  { method: "GET", url: "/fr/admin/insights/usage.csv", expect: dashboards },
  { method: "GET", url: "/en/admin/insights/governorates.csv", expect: dashboards },
  { method: "GET", url: "/en/admin/insights/structures.csv", expect: dashboards },
  { method: "GET", url: "/en/admin/insights/service-levels.csv", expect: dashboards },
  { method: "GET", url: "/en/admin/insights/overdue.csv", expect: dashboards },
  { method: "GET", url: "/en/admin/insights/accounts.csv", expect: platformOnly(200) },
  { method: "GET", url: "/en/admin/insights/funnel.csv", expect: platformOnly(200) },
  { method: "GET", url: "/en/admin/insights/plan", expect: platformOnly(200) },
  // The plan is edited in accountability (its results of origin "plan"): there is no second editor.
  { method: "POST", url: "/en/admin/insights/plan", form: {}, expect: { otherwise: 404 } },
  { method: "GET", url: "/ar/transparency", expect: { otherwise: 200 } },
  { method: "GET", url: "/en/transparency/usage.csv", expect: { otherwise: 200 } },
  { method: "GET", url: "/en/transparency/service-levels.csv", expect: { otherwise: 200 } },
]);
