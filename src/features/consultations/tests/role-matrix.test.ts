import { eq } from "drizzle-orm";
import { createTestApp } from "../../../../test/app.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../../test/role-matrix.js";
import { contentKey } from "../../../core/files/store.js";
import {
  consultationComments,
  consultationDocuments,
  consultationSyntheses,
  consultations,
} from "../tables.js";
import { createTestConsultation, type TestPhase } from "../testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

const ROLES = 8;
const take = <T>(items: T[]) => {
  let i = 0;
  return () => items[i++ % items.length]!;
};
const pool = (phase: TestPhase) =>
  Promise.all(
    Array.from({ length: ROLES }, () => createTestConsultation(db, { phase, structure: HOME_STRUCTURE })),
  );

const open = await createTestConsultation(db, { phase: "open" });
const draft = await createTestConsultation(db, { phase: "draft" });
const decided = await createTestConsultation(db, { phase: "analysis" });
const closed = await createTestConsultation(db, { phase: "analysis" });
await db
  .update(consultations)
  .set({ outcomePublishedAt: new Date() })
  .where(eq(consultations.id, decided.consultation.id));
await db.insert(consultationSyntheses).values({
  consultationId: decided.consultation.id,
  summary: { fr: "Synthèse" },
  figures: null,
  publishedAt: new Date(),
});
const [comment] = await db
  .insert(consultationComments)
  .values({ consultationId: open.consultation.id, body: "Un avis", alignment: "for" })
  .returning();
const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
const { key } = contentKey(pdf);
await app.files.put(key, pdf);
const [document] = await db
  .insert(consultationDocuments)
  .values({
    consultationId: open.consultation.id,
    title: "Projet",
    fileKey: key,
    mime: "application/pdf",
    size: pdf.length,
  })
  .returning();
const documents = await Promise.all(
  Array.from({ length: ROLES }, () =>
    db
      .insert(consultationDocuments)
      .values({
        consultationId: draft.consultation.id,
        title: "x",
        fileKey: key,
        mime: "application/pdf",
        size: 1,
      })
      .returning()
      .then((r) => r[0]!),
  ),
);
const next = {
  publish: take(await pool("draft")),
  open: take(await pool("draft")),
  close: take(await pool("open")),
  sectionDelete: take((await pool("draft")).map((c) => ({ c: c.consultation, s: c.sections[0]! }))),
  questionDelete: take((await pool("draft")).map((c) => ({ c: c.consultation, q: c.questions[0]! }))),
  document: take(documents),
};
const [homeStructure] = await database.query<{ id: string }>("select id from structures where code = $1", [
  HOME_STRUCTURE,
]);

const o = open.consultation.id;
const d = draft.consultation.id;
const x = decided.consultation.id;

/** Staff of other structures and roles without consultation powers see nothing of a consultation's admin. */
const admin = (allowed: number) => ({
  anonymous: 303,
  citizen: 403,
  structure_admin: allowed,
  platform_admin: allowed,
  otherwise: 404,
});
/** The admin list and the creation form: structure admins (of any structure) and platform admins. */
const area = (allowed: number, other = allowed) => ({
  anonymous: 303,
  citizen: 403,
  agent: 403,
  moderator: 403,
  integrity_officer: 403,
  other_staff: other,
  otherwise: allowed,
});

roleMatrix("consultations: public pages", testApp, [
  { method: "GET", url: "/fr/consultations", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/consultations?status=open&q=espaces", expect: { otherwise: 200 } },
  { method: "GET", url: `/fr/consultations/${o}`, expect: { otherwise: 200 } },
  {
    method: "GET",
    url: `/fr/consultations/${d}`,
    expect: { structure_admin: 200, platform_admin: 200, otherwise: 404 },
  },
  {
    method: "GET",
    url: `/fr/consultations/${o}/sections/${open.sections[0]!.id}`,
    expect: { otherwise: 200 },
  },
  { method: "GET", url: `/fr/consultations/${o}/comments/${comment!.id}`, expect: { otherwise: 200 } },
  { method: "GET", url: `/fr/consultations/${x}/synthesis`, expect: { otherwise: 200 } },
  { method: "GET", url: `/fr/consultations/${o}/synthesis`, expect: { otherwise: 404 } },
  { method: "GET", url: `/fr/consultations/${o}/documents/${document!.id}`, expect: { otherwise: 200 } },
  { method: "GET", url: `/fr/consultations/${o}/questionnaire`, expect: { otherwise: 200 } },
]);

roleMatrix("consultations: taking part (open consultation)", testApp, [
  {
    method: "POST",
    url: `/fr/consultations/${o}/comments`,
    form: { body: "Mon avis", alignment: "neutral" },
    expect: { otherwise: 303 },
  },
  {
    method: "POST",
    url: `/fr/consultations/${o}/comments/${comment!.id}/support`,
    form: { back: `/consultations/${o}` },
    expect: { otherwise: 303 },
  },
  {
    method: "POST",
    url: `/fr/consultations/${o}/follow`,
    form: { follow: "yes" },
    expect: { otherwise: 303 },
  },
  {
    method: "POST",
    url: `/fr/consultations/${o}/questionnaire`,
    form: Object.fromEntries(
      open.questions.filter((q) => q.required).map((q) => [`q-${q.id}`, q.kind === "scale" ? "3" : "o1"]),
    ),
    expect: { otherwise: 303 },
  },
  {
    method: "POST",
    url: `/fr/consultations/${d}/comments`,
    form: { body: "Trop tôt", alignment: "for" },
    expect: { anonymous: 303, structure_admin: 409, platform_admin: 409, otherwise: 404 },
  },
]);

const validConsultation = () => ({
  structureId: homeStructure!.id,
  titleFr: "Consultation de test",
  summaryFr: "Résumé",
  theme: "health",
  area: "national",
  participation: "signed_in",
  opensAt: "2027-01-01",
  closesAt: "2027-02-01",
});

roleMatrix("consultations: admin list and creation", testApp, [
  { method: "GET", url: "/fr/admin/consultations", expect: area(200) },
  { method: "GET", url: "/fr/admin/consultations/new", expect: area(200) },
  { method: "POST", url: "/fr/admin/consultations/new", form: validConsultation, expect: area(303, 422) },
]);

roleMatrix("consultations: admin pages of one consultation", testApp, [
  ...[
    "",
    "/edit",
    "/sections",
    `/sections/${draft.sections[0]!.id}`,
    "/questionnaire",
    "/documents",
    "/results",
    "/outcome",
  ].map((path) => ({
    method: "GET" as const,
    url: `/fr/admin/consultations/${d}${path}`,
    expect: admin(200),
  })),
  ...["contributions.csv", "contributions.json", "questionnaire.csv", "questionnaire.json"].map((file) => ({
    method: "GET" as const,
    url: `/fr/admin/consultations/${o}/export/${file}`,
    expect: admin(200),
  })),
]);

roleMatrix("consultations: admin actions", testApp, [
  { method: "POST", url: `/fr/admin/consultations/${d}/edit`, form: validConsultation, expect: admin(303) },
  {
    method: "POST",
    url: () => `/fr/admin/consultations/${next.publish().consultation.id}/publish`,
    expect: admin(303),
  },
  {
    method: "POST",
    url: () => `/fr/admin/consultations/${next.open().consultation.id}/open`,
    expect: admin(303),
  },
  {
    method: "POST",
    url: () => `/fr/admin/consultations/${next.close().consultation.id}/close`,
    expect: admin(303),
  },
  {
    method: "POST",
    url: `/fr/admin/consultations/${d}/sections`,
    form: { titleFr: "Article", bodyFr: "Texte" },
    expect: admin(303),
  },
  {
    method: "POST",
    url: `/fr/admin/consultations/${d}/sections/import`,
    form: { language: "fr", text: "Un paragraphe.\n\nUn autre." },
    expect: admin(303),
  },
  {
    method: "POST",
    url: `/fr/admin/consultations/${d}/sections/${draft.sections[1]!.id}`,
    form: { bodyFr: "Texte révisé" },
    expect: admin(303),
  },
  {
    method: "POST",
    url: () => {
      const { c, s } = next.sectionDelete();
      return `/fr/admin/consultations/${c.id}/sections/${s.id}/delete`;
    },
    expect: admin(303),
  },
  {
    method: "POST",
    url: `/fr/admin/consultations/${d}/questionnaire`,
    form: { kind: "long_text", promptFr: "Autre chose ?" },
    expect: admin(303),
  },
  {
    method: "POST",
    url: () => {
      const { c, q } = next.questionDelete();
      return `/fr/admin/consultations/${c.id}/questionnaire/${q.id}/delete`;
    },
    expect: admin(303),
  },
  // A form without its file: the admin's answer is a 422 asking for it.
  { method: "POST", url: `/fr/admin/consultations/${d}/documents`, form: { title: "x" }, expect: admin(422) },
  {
    method: "POST",
    url: () => `/fr/admin/consultations/${d}/documents/${next.document().id}/delete`,
    expect: admin(303),
  },
  {
    method: "POST",
    url: `/fr/admin/consultations/${closed.consultation.id}/outcome`,
    form: { summaryFr: "Ce que nous avons entendu", action: "save" },
    expect: admin(303),
  },
  {
    method: "POST",
    url: `/fr/admin/consultations/${decided.consultation.id}/outcome`,
    form: { summaryFr: "Trop tard", action: "save" },
    expect: admin(422),
  },
]);
