import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { roleMatrix } from "../../../../test/role-matrix.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { open311Clients } from "../tables.js";
import { createService, issueKey, postRequest } from "../testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const { serviceCode } = await createService(db, "gov-tn-11", "lighting");
const matrixClient = await issueKey(db, "Matrix app");
const apiForm = () => ({
  api_key: matrixClient.key,
  service_code: serviceCode,
  address_string: "Avenue Habib Bourguiba, Tunis",
  description: "Un feu de signalisation est en panne au carrefour.",
});

const platformOnly = (ok: number) => ({ anonymous: 303, platform_admin: ok, otherwise: 403 });
const everyone = (status: number) => ({ otherwise: status });

roleMatrix("open311 keys", testApp, [
  { method: "GET", url: "/fr/admin/open311", expect: platformOnly(200) },
  {
    method: "POST",
    url: "/fr/admin/open311",
    form: { name: "Appli de test", contactEmail: "dev@appli.tn" },
    expect: platformOnly(200),
  },
  { method: "POST", url: "/fr/admin/open311", form: { name: "x" }, expect: platformOnly(422) },
  {
    method: "GET",
    url: () => `/fr/admin/open311/${matrixClient.client.id}/revoke`,
    expect: platformOnly(200),
  },
  { method: "GET", url: `/fr/admin/open311/${randomUUID()}/revoke`, expect: platformOnly(404) },
  { method: "GET", url: "/fr/admin/open311/not-a-uuid/revoke", expect: platformOnly(404) },
  { method: "POST", url: `/fr/admin/open311/${randomUUID()}/revoke`, expect: platformOnly(404) },
]);

// The API answers everyone alike: cookies and roles change nothing (the key is what counts).
roleMatrix("open311 API", testApp, [
  { method: "GET", url: "/open311/v2/discovery.xml", expect: everyone(200) },
  { method: "GET", url: "/open311/v2/services.json", expect: everyone(200) },
  { method: "GET", url: `/open311/v2/services/${serviceCode}.xml`, expect: everyone(200) },
  { method: "GET", url: "/open311/v2/requests.json", expect: everyone(200) },
  { method: "GET", url: "/open311/v2/requests/EC-2026-999999.json", expect: everyone(404) },
  { method: "GET", url: "/open311/v2/tokens/1.xml", expect: everyone(404) },
  { method: "POST", url: "/open311/v2/requests.json", form: apiForm, expect: everyone(200) },
  {
    method: "POST",
    url: "/open311/v2/requests.xml",
    form: () => ({ ...apiForm(), api_key: "" }),
    expect: everyone(403),
  },
]);

describe("Open311 keys, for platform admins", () => {
  it("issue a key that is shown once, stored as a hash only, audited without personal data, and works", async () => {
    const { agent, account } = await signedInAgent(app, database, { platformAdmin: true });
    const page = await agent.get("/en/admin/open311");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    const issued = await agent.post("/en/admin/open311", {
      name: "Tunis municipality app",
      contactEmail: "team@tunis-app.tn",
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.headers["cache-control"]).toContain("no-store");
    const key = /id="api-key">(sharek311_[A-Za-z0-9_-]{43})</.exec(issued.body)?.[1];
    expect(key).toBeDefined();
    expect(issued.body).toContain("it will not be shown again");

    const [stored] = await db
      .select()
      .from(open311Clients)
      .where(eq(open311Clients.name, "Tunis municipality app"));
    expect(stored).toMatchObject({
      keyHash: sha256(key!),
      contactEmail: "team@tunis-app.tn",
      createdBy: account.id,
    });
    expect(JSON.stringify(stored)).not.toContain(key!);

    const list = await agent.get("/en/admin/open311");
    expect(list.body).toContain("Tunis municipality app");
    expect(list.body).toContain(`${key!.slice(0, 14)}…`);
    expect(list.body).not.toContain(key!);

    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, stored!.id));
    expect(event).toMatchObject({
      action: "open311.key_create",
      actorId: account.id,
      subjectType: "open311_client",
    });
    expect(JSON.stringify(event!.details)).not.toMatch(/tunis-app|sharek311_/);

    const filed = await postRequest(app, "json", { ...apiForm(), api_key: key! });
    expect(filed.statusCode).toBe(200);
    const after = await agent.get("/en/admin/open311");
    const row = after.body.split("<tr").find((r) => r.includes("Tunis municipality app"))!;
    expect(row).toContain('sh-table__cell--numeric">1</td>');
  });

  it("re-render the form with 422, each problem linked to its field and the typed values kept", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const response = await agent.post("/fr/admin/open311", { name: " A ", contactEmail: "pas une adresse" });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#name"');
    expect(response.body).toContain('href="#contactEmail"');
    expect(response.body).toContain('value="pas une adresse"');
    expect(response.body).not.toMatch(/sharek311_[A-Za-z0-9_-]{43}/);
  });

  it("revoke a key after confirming: its POSTs are refused from then on, and a second revoke changes nothing", async () => {
    const { agent, account } = await signedInAgent(app, database, { platformAdmin: true });
    const { client, key } = await issueKey(db, "App to revoke");
    const confirm = await agent.get(`/ar/admin/open311/${client.id}/revoke`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("App to revoke");
    const revoked = await agent.post(`/ar/admin/open311/${client.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe("/ar/admin/open311");
    const list = await agent.get("/ar/admin/open311");
    expect(list.body).toContain("تمّ إلغاء المفتاح.");
    expect(list.body).toContain("أُلغي في");

    const refused = await postRequest(app, "xml", { ...apiForm(), api_key: key });
    expect(refused.statusCode).toBe(403);

    expect((await agent.post(`/ar/admin/open311/${client.id}/revoke`)).statusCode).toBe(303);
    expect((await agent.get(`/ar/admin/open311/${client.id}/revoke`)).statusCode).toBe(404);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, client.id));
    expect(events.filter((e) => e.action === "open311.key_revoke")).toHaveLength(1);
    expect(events.find((e) => e.action === "open311.key_revoke")?.actorId).toBe(account.id);
  });

  it("are refused to a structure admin, whose attempt issues nothing", async () => {
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    const response = await agent.post("/fr/admin/open311", { name: "Sneaky app", contactEmail: "x@y.tn" });
    expect(response.statusCode).toBe(403);
    expect(await db.select().from(open311Clients).where(eq(open311Clients.name, "Sneaky app"))).toEqual([]);
  });
});
