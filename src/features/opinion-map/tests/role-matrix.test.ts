import { createTestApp } from "../../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../../test/role-matrix.js";
import { createTestConsultation } from "../../consultations/testing.js";
import { opinionStatements } from "../tables.js";

const testApp = await createTestApp();
const { database } = testApp;
const db = database.db;

const open = (await createTestConsultation(db, { phase: "open", structure: HOME_STRUCTURE })).consultation;
const draft = (await createTestConsultation(db, { phase: "draft", structure: HOME_STRUCTURE })).consultation;
const [statement] = await db
  .insert(opinionStatements)
  .values({
    consultationId: open.id,
    body: { fr: "Plus de bancs dans les jardins" },
    seeded: true,
    status: "approved",
  })
  .returning();
const pending = await db
  .insert(opinionStatements)
  .values(
    Array.from({ length: 8 }, (_, i) => ({
      consultationId: open.id,
      body: { fr: `Proposition ${i}` },
      status: "pending" as const,
    })),
  )
  .returning();
let nextPending = 0;

/** The consultation's admin pages: its structure's admins and platform admins; other staff see nothing. */
const admin = (allowed: number) => ({
  anonymous: 303,
  citizen: 403,
  structure_admin: allowed,
  platform_admin: allowed,
  otherwise: 404,
});

roleMatrix("opinion map: public pages and open data", testApp, [
  { method: "GET", url: `/fr/consultations/${open.id}/opinion-map`, expect: { otherwise: 200 } },
  { method: "GET", url: `/fr/consultations/${open.id}/opinion-map.json`, expect: { otherwise: 200 } },
  {
    method: "GET",
    url: `/fr/consultations/${draft.id}/opinion-map`,
    expect: { structure_admin: 200, platform_admin: 200, otherwise: 404 },
  },
  { method: "GET", url: `/fr/consultations/${draft.id}/opinion-map.json`, expect: { otherwise: 404 } },
]);

roleMatrix("opinion map: taking part", testApp, [
  {
    method: "POST",
    url: `/fr/consultations/${open.id}/opinion-map/votes`,
    form: { statementId: statement!.id, vote: "agree" },
    expect: { otherwise: 303 },
  },
  {
    method: "POST",
    url: `/fr/consultations/${open.id}/opinion-map/statements`,
    form: { body: "Des fontaines dans chaque parc" },
    expect: { otherwise: 303 },
  },
]);

roleMatrix("opinion map: admin", testApp, [
  { method: "GET", url: `/fr/admin/consultations/${open.id}/opinion-map`, expect: admin(200) },
  {
    method: "POST",
    url: `/fr/admin/consultations/${open.id}/opinion-map/statements`,
    form: { bodyFr: "Ouvrir les jardins le soir" },
    expect: admin(303),
  },
  {
    method: "POST",
    url: () =>
      `/fr/admin/consultations/${open.id}/opinion-map/statements/${pending[nextPending++ % pending.length]!.id}/moderate`,
    form: { decision: "approved" },
    expect: admin(303),
  },
]);
