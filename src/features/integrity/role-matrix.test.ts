import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { agentsByRole, OTHER_STRUCTURE, ROLES, roleMatrix } from "../../../test/role-matrix.js";
import { memberships } from "../../core/authz/tables.js";
import { findReportByReceipt } from "./reports.js";
import { Agent, officer, receiptIn, submitReportForm, validReport } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;

const SECRET = "Contenu secret du signalement de la matrice.";
const agents = await agentsByRole(testApp);
// The matrix's own integrity officer makes keys (which also opens them for the session)...
await agents.integrity_officer.get("/fr/integrity/officer/keys");
const enrolled = await agents.integrity_officer.post("/fr/integrity/officer/keys", {
  password: TEST_PASSWORD,
});
if (enrolled.statusCode !== 200) throw new Error(`enrolment answered ${enrolled.statusCode}`);
// ... and a report reaches them.
const receipt = receiptIn((await submitReportForm(app, new Agent(app), validReport({ what: SECRET }))).body);
const report = (await findReportByReceipt(database.db, receipt))!;
const otherOfficer = await officer(testApp, OTHER_STRUCTURE);
const [otherMembership] = await database.db
  .select({ id: memberships.id })
  .from(memberships)
  .where(eq(memberships.accountId, otherOfficer.account.id));
const other = { ...otherOfficer, membershipId: otherMembership!.id };

roleMatrix("integrity, public side", testApp, [
  { method: "GET", url: "/ar/integrity", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/integrity/report", expect: { otherwise: 200 } },
  { method: "GET", url: "/en/integrity/follow", expect: { otherwise: 200 } },
  { method: "POST", url: "/en/integrity/follow", form: { receipt: "1234" }, expect: { otherwise: 422 } },
]);

// The matrix's officers have no keys yet: an integrity officer is sent to make them (303).
roleMatrix("integrity, officers' side", testApp, [
  {
    method: "GET",
    url: "/fr/integrity/officer",
    expect: { anonymous: 303, integrity_officer: 303, otherwise: 403 },
  },
  {
    method: "GET",
    url: "/fr/integrity/officer/keys",
    expect: { anonymous: 303, integrity_officer: 200, otherwise: 403 },
  },
  {
    method: "GET",
    url: "/fr/integrity/officer/unlock",
    expect: { anonymous: 303, integrity_officer: 303, otherwise: 403 },
  },
  {
    method: "GET",
    url: () => `/fr/integrity/officer/reports/${report.id}`,
    expect: { anonymous: 303, integrity_officer: 303, otherwise: 403 },
  },
  {
    method: "POST",
    url: () => `/fr/integrity/officer/reports/${report.id}/status`,
    form: { status: "under_review" },
    expect: { anonymous: 303, integrity_officer: 303, otherwise: 403 },
  },
  {
    method: "POST",
    url: () => `/fr/integrity/officer/reports/${report.id}/reply`,
    form: { message: "Bonjour" },
    expect: { anonymous: 303, integrity_officer: 303, otherwise: 403 },
  },
  // A pending colleague's page is open to officers (the matrix's officer awaits approval there);
  // approving needs opened keys (303) and a pending appointment the approver may approve.
  {
    method: "GET",
    url: "/fr/integrity/officer/colleagues",
    expect: { anonymous: 303, integrity_officer: 200, otherwise: 403 },
  },
  {
    method: "POST",
    url: () => `/fr/integrity/officer/colleagues/${other.membershipId}/approve`,
    expect: { anonymous: 303, integrity_officer: 303, otherwise: 403 },
  },
  { method: "GET", url: "/fr/integrity/counts", expect: { anonymous: 303, citizen: 403, otherwise: 200 } },
]);

describe("integrity: only the addressed officers read a report", () => {
  it("shows its content to the addressed officer, and to no other role", async () => {
    for (const role of ROLES) {
      const response = await agents[role].get(`/fr/integrity/officer/reports/${report.id}`);
      if (role === "integrity_officer") expect(response.body).toContain(SECRET);
      else expect(response.body, role).not.toContain(SECRET);
    }
  });

  it("lets no officer approve an appointment in another structure, nor an approved one", async () => {
    const response = await agents.integrity_officer.post(
      `/fr/integrity/officer/colleagues/${other.membershipId}/approve`,
    );
    expect(response.statusCode).toBe(404);
  });

  it("answers 404 to an integrity officer of another structure, as if the report did not exist", async () => {
    const response = await other.agent.get(`/fr/integrity/officer/reports/${report.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it("shows counts, never content, to the rest of the staff", async () => {
    const admin = await agents.platform_admin.get("/fr/integrity/counts");
    expect(admin.statusCode).toBe(200);
    expect(admin.body).not.toContain(SECRET);
    expect(admin.body).toContain("Nouveau");
  });
});
