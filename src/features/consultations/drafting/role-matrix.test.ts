import { createTestApp } from "../../../../test/app.js";
import { roleMatrix } from "../../../../test/role-matrix.js";
import { createTestConsultation } from "../testing.js";
import { consultationAmendments } from "./tables.js";

const testApp = await createTestApp();
const db = testApp.database.db;
const { consultation: c, sections } = await createTestConsultation(db, { phase: "open", questions: false });
const section = sections[0]!;
const [amendment] = await db
  .insert(consultationAmendments)
  .values({
    consultationId: c.id,
    sectionId: section.id,
    paragraph: 0,
    lang: "fr",
    baseVersion: 1,
    original: "Texte de l’article 1.",
    proposed: "Nouveau texte de l’article 1.",
    reason: "Plus clair.",
  })
  .returning();
const base = `/fr/consultations/${c.id}`;
const TEAM = { agent: 422, structure_admin: 422, platform_admin: 422 };

roleMatrix("drafting together", testApp, [
  { method: "GET", url: `${base}/sections/${section.id}/paragraphs/0`, expect: { otherwise: 200 } },
  { method: "GET", url: `${base}/sections/${section.id}/paragraphs/9`, expect: { otherwise: 404 } },
  { method: "GET", url: `${base}/amendments`, expect: { otherwise: 200 } },
  { method: "GET", url: `${base}/amendments/${amendment!.id}`, expect: { otherwise: 200 } },
  { method: "GET", url: `${base}/versions`, expect: { otherwise: 200 } },
  { method: "GET", url: `${base}/versions/compare?from=1&to=1`, expect: { otherwise: 200 } },
  // Anyone signed in may propose while it is open: an empty form answers 422.
  {
    method: "POST",
    url: `${base}/sections/${section.id}/amendments`,
    form: { paragraph: "0", lang: "fr" },
    expect: { anonymous: 303, otherwise: 422 },
  },
  // Supporting (or withdrawing) is open to anyone signed in while the consultation is open.
  {
    method: "POST",
    url: `${base}/amendments/${amendment!.id}/support`,
    form: {},
    expect: { otherwise: 303 },
  },
  // Only the drafting team (the structure's staff) decides: an empty decision answers 422.
  {
    method: "POST",
    url: `${base}/amendments/${amendment!.id}/decision`,
    form: {},
    expect: { anonymous: 303, ...TEAM, otherwise: 403 },
  },
  {
    method: "POST",
    url: `${base}/versions`,
    form: { note: "" },
    expect: { anonymous: 303, agent: 303, structure_admin: 303, platform_admin: 303, otherwise: 403 },
  },
]);
