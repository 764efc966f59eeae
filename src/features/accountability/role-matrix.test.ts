import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { contentKey } from "../../core/files/store.js";
import { structures } from "../../core/structures/tables.js";
import { consultationOutcomes, consultationSections, consultations } from "../consultations/tables.js";
import { results, resultUpdates } from "./tables.js";

const testApp = await createTestApp();
const db = testApp.database.db;
const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
const [result] = await db
  .insert(results)
  .values({ code: "matrix-1", structureId: home!.id, title: { fr: "Éclairage public" }, description: {} })
  .returning();
// An update of the result with an evidence file in the store (public, as the result is).
const evidence = Buffer.from("%PDF-1.4\n%%EOF\n");
const evidenceKey = contentKey(evidence).key;
if (!(await testApp.app.files.get(evidenceKey))) await testApp.app.files.put(evidenceKey, evidence);
const [update] = await db
  .insert(resultUpdates)
  .values({
    resultId: result!.id,
    happenedOn: "2026-01-15",
    evidence: [{ label: "", fileKey: evidenceKey, mime: "application/pdf" }],
  })
  .returning();
const now = Date.now();
const [c] = await db
  .insert(consultations)
  .values({
    structureId: home!.id,
    title: { fr: "Consultation décidée" },
    summary: {},
    body: {},
    theme: "local_governance",
    area: "national",
    visibility: "published",
    publishedAt: new Date(now - 9e8),
    opensAt: new Date(now - 9e8),
    closesAt: new Date(now - 5e8),
    outcomePublishedAt: new Date(now - 1e8),
  })
  .returning();
const [section] = await db
  .insert(consultationSections)
  .values({ consultationId: c!.id, position: 1, title: { fr: "Article 1" }, body: {} })
  .returning();
await db
  .insert(consultationOutcomes)
  .values({ consultationId: c!.id, sectionId: section!.id, decision: "kept", reason: { fr: "Motif" } });

const at = `/en/accountability/${result!.id}`;
const admin = `/en/admin/accountability/${result!.id}/edit`;
const decisions = `/en/admin/accountability/from-consultation/${c!.id}`;
/** Structure admins of the home structure and platform admins; the home agent may see but not edit (403). */
const editors = (ok: number) => ({
  anonymous: 303,
  citizen: 403,
  agent: 403,
  structure_admin: ok,
  platform_admin: ok,
  otherwise: 404,
});
/** Anyone who may create results: a structure admin somewhere, or a platform admin. */
const creators = (ok: number) => ({
  anonymous: 303,
  structure_admin: ok,
  platform_admin: ok,
  other_staff: ok,
  otherwise: 403,
});

roleMatrix("accountability", testApp, [
  { method: "GET", url: "/en/accountability", expect: { otherwise: 200 } },
  {
    method: "GET",
    url: "/ar/accountability?status=late&place=TN-11&theme=transport",
    expect: { otherwise: 200 },
  },
  { method: "GET", url: "/fr/accountability?structure=nowhere&page=999", expect: { otherwise: 200 } },
  { method: "GET", url: at, expect: { otherwise: 200 } },
  {
    method: "GET",
    url: "/en/accountability/00000000-0000-7000-8000-000000000000",
    expect: { otherwise: 404 },
  },
  { method: "GET", url: "/en/accountability/not-a-result", expect: { otherwise: 404 } },
  { method: "POST", url: `${at}/follow`, form: { follow: "1" }, expect: { otherwise: 303 } },
  { method: "GET", url: `${at}/updates/${update!.id}/files/0`, expect: { otherwise: 200 } },
  { method: "GET", url: `${at}/updates/${update!.id}/files/1`, expect: { otherwise: 404 } },
  {
    method: "GET",
    url: `${at}/updates/00000000-0000-7000-8000-000000000000/files/0`,
    expect: { otherwise: 404 },
  },
  {
    // Only the structure's agents and admins (and platform admins) post updates: an empty one is a 422 for them.
    method: "POST",
    url: `${at}/updates`,
    form: { status: "" },
    expect: { anonymous: 303, agent: 422, structure_admin: 422, platform_admin: 422, otherwise: 403 },
  },
  {
    method: "GET",
    url: "/en/admin/accountability",
    expect: {
      anonymous: 303,
      agent: 200,
      structure_admin: 200,
      platform_admin: 200,
      other_staff: 200,
      otherwise: 403,
    },
  },
  { method: "GET", url: "/en/admin/accountability/new", expect: creators(200) },
  {
    method: "GET",
    url: "/en/admin/accountability/new?origin=idea&id=00000000-0000-7000-8000-000000000000",
    expect: creators(404),
  },
  { method: "POST", url: "/en/admin/accountability/new", form: {}, expect: creators(422) },
  // The national action plan's results: platform admins only.
  {
    method: "GET",
    url: "/en/admin/accountability/new?origin=plan",
    expect: { anonymous: 303, platform_admin: 200, otherwise: 403 },
  },
  {
    method: "POST",
    url: "/en/admin/accountability/new",
    form: { origin: "plan" },
    expect: { anonymous: 303, platform_admin: 422, otherwise: 403 },
  },
  { method: "GET", url: "/en/accountability?origin=plan", expect: { otherwise: 200 } },
  { method: "GET", url: admin, expect: editors(200) },
  { method: "POST", url: admin, form: {}, expect: editors(422) },
  { method: "GET", url: decisions, expect: editors(200) },
  { method: "POST", url: decisions, form: {}, expect: editors(422) },
  { method: "GET", url: "/en/admin/accountability/import", expect: creators(200) },
  { method: "POST", url: "/en/admin/accountability/import", form: {}, expect: creators(422) },
]);
