import { randomUUID } from "node:crypto";
import { signedInAgent } from "../../../../../test/accounts.js";
import { expectFor, HOME_STRUCTURE, roleMatrix } from "../../../../../test/role-matrix.js";
import { sha256 } from "../../../../core/auth/secrets.js";
import { contentKey } from "../../../../core/files/store.js";
import { caseAttachments, caseTeams } from "../../tables.js";
import { caseRoutingRules, responseTemplates, savedCaseViews } from "../tables.js";
import { createCategory, insertCase, staffTestApp, structureIdOf } from "../testing.js";
import { unsubscribeToken } from "../unsubscribe-token.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const home = await structureIdOf(db, HOME_STRUCTURE);
const municipality = await structureIdOf(db, "mun-tn-11");

/** A fresh open request of the home structure for each call (a POST changes the one it gets). */
const pool = async (n: number) => Promise.all(Array.from({ length: n }, () => insertCase(db)));
const take = <T>(items: T[]) => {
  let i = 0;
  return () => items[i++ % items.length]!;
};

const shown = await insertCase(db);
const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const { key } = contentKey(png);
await app.files.put(key, png);
const [attachment] = await db
  .insert(caseAttachments)
  .values({ caseId: shown.id, fileKey: key, mime: "image/png", size: png.length })
  .returning();

const ROLES = 8;
const next = {
  assign: take(await pool(ROLES)),
  reply: take(await pool(ROLES)),
  ask: take(await pool(ROLES)),
  note: take(await pool(ROLES)),
  transfer: take(await pool(ROLES)),
  close: take(await pool(ROLES)),
  bulk: take(await pool(ROLES)),
  duplicate: take(await pool(ROLES)),
  // An access-to-information request within its limit, and a request under a first appeal.
  extend: take(
    await Promise.all(
      Array.from({ length: ROLES }, () =>
        insertCase(db, {
          type: "information",
          accessTrack: "standard",
          dueAt: new Date(Date.now() + 10 * 86_400_000),
        }),
      ),
    ),
  ),
  appeal: take(
    await Promise.all(
      Array.from({ length: ROLES }, () =>
        insertCase(db, {
          status: "in_progress",
          appealLevel: 1,
          appealStructureId: home,
          appealedAt: new Date(),
        }),
      ),
    ),
  ),
  workload: take(await pool(ROLES)),
};
const original = await insertCase(db);

const owner = await signedInAgent(app, database, { roles: [{ structure: HOME_STRUCTURE, role: "agent" }] });
const [view] = await db
  .insert(savedCaseViews)
  .values({
    accountId: owner.account.id,
    structureId: home,
    name: "Overdue",
    query: `structure=${home}&deadline=overdue`,
  })
  .returning();

const templates = await Promise.all(
  Array.from({ length: ROLES * 3 }, (_, i) =>
    db
      .insert(responseTemplates)
      .values({ structureId: home, locale: "fr", title: `Modèle ${i}`, body: "Bonjour {name}" })
      .returning()
      .then((r) => r[0]!),
  ),
);
const template = take(templates);
const categories = await Promise.all(
  Array.from({ length: ROLES * 2 }, () => createCategory(db, HOME_STRUCTURE)),
);
const category = take(categories.slice(0, ROLES));
const rules = await Promise.all(
  categories.slice(ROLES).map((c) =>
    db
      .insert(caseRoutingRules)
      .values({ categoryId: c.id, targetStructureId: municipality })
      .returning()
      .then((r) => r[0]!),
  ),
);
const rule = take(rules);
const token = unsubscribeToken(app.config.cookieSecret, shown.id, shown.contactEmail!);

/** Staff of the request's structure act (303); others of the staff do not see it (404). */
const action = {
  anonymous: 303,
  citizen: 403,
  agent: 303,
  structure_admin: 303,
  platform_admin: 303,
  otherwise: 404,
};

roleMatrix("staff queue", testApp, [
  {
    method: "GET",
    url: "/fr/staff/requests",
    expect: { anonymous: 303, citizen: 403, moderator: 403, integrity_officer: 403, otherwise: 200 },
  },
  {
    method: "GET",
    url: `/fr/staff/requests?structure=${home}`,
    expect: expectFor.structureStaff(200),
  },
  {
    method: "POST",
    url: "/fr/staff/requests/bulk",
    form: () => ({ structure: home, ids: next.bulk().id, op: "close", outcome: "no_further_action" }),
    expect: expectFor.structureStaff(303),
  },
  {
    method: "POST",
    url: "/fr/staff/requests/views",
    form: { structure: home, name: "Mine", query: "status=new" },
    expect: expectFor.structureStaff(303),
  },
  {
    method: "POST",
    url: `/fr/staff/requests/views/${view!.id}/delete`,
    expect: { anonymous: 303, citizen: 403, otherwise: 404 },
  },
]);

/** Like the queue: its structure's staff only (the export of another structure does not exist for them). */
const queueExport = expectFor.structureStaff(200);

roleMatrix("queue exports", testApp, [
  { method: "GET", url: "/fr/staff/requests/export.csv", expect: { ...queueExport, other_staff: 200 } },
  { method: "GET", url: `/fr/staff/requests/export.csv?structure=${home}&q=EC-2026`, expect: queueExport },
  { method: "GET", url: "/fr/staff/requests/print", expect: { ...queueExport, other_staff: 200 } },
  { method: "GET", url: `/fr/staff/requests/print?structure=${home}&status=all`, expect: queueExport },
]);

roleMatrix("workload view", testApp, [
  {
    method: "GET",
    url: "/fr/staff/workload",
    expect: expectFor.admins(200),
  },
  {
    method: "GET",
    url: `/fr/staff/workload?structure=${home}&assignee=unassigned`,
    expect: expectFor.admins(200, 404),
  },
  {
    method: "POST",
    url: "/fr/staff/workload/assign",
    form: () => ({ structure: home, case: next.workload().id, assignee: owner.account.id }),
    expect: expectFor.admins(303, 404),
  },
]);

roleMatrix("staff request page", testApp, [
  {
    method: "GET",
    url: `/fr/staff/requests/${shown.id}`,
    expect: expectFor.structureMembers(200),
  },
  {
    method: "GET",
    url: `/fr/staff/requests/${shown.id}/files/${attachment!.id}`,
    expect: expectFor.structureMembers(200),
  },
  {
    method: "GET",
    url: "/fr/staff/requests/not-a-uuid",
    expect: { anonymous: 303, citizen: 403, otherwise: 404 },
  },
]);

roleMatrix("staff request actions", testApp, [
  // A platform admin is no member of the structure: they hand requests to others, not to themselves.
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.assign().id}/assign`,
    form: { assignee: "me" },
    expect: { ...action, platform_admin: 403 },
  },
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.reply().id}/reply`,
    form: { body: "Les lampadaires ont été réparés." },
    expect: action,
  },
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.ask().id}/ask`,
    form: { body: "Dans quelle rue exactement ?" },
    expect: action,
  },
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.note().id}/note`,
    form: { body: "Voir avec la municipalité." },
    expect: action,
  },
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.transfer().id}/transfer`,
    form: { structure: municipality, reason: "Éclairage public : compétence municipale." },
    expect: action,
  },
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.duplicate().id}/duplicate`,
    form: { reference: original.reference },
    expect: action,
  },
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.close().id}/close`,
    form: { outcome: "answered" },
    expect: action,
  },
  {
    method: "POST",
    url: () => `/fr/staff/requests/${next.extend().id}/extend`,
    form: { message: "La demande porte sur de nombreux documents." },
    expect: action,
  },
  {
    // Under appeal, only the structure's head (and platform admins) decide; its agents may not.
    method: "POST",
    url: () => `/fr/staff/requests/${next.appeal().id}/close`,
    form: { outcome: "answered", message: "Réexaminé." },
    expect: { ...action, agent: 403 },
  },
]);

/** A request with a known follow-up secret, whose receipt the matrix opens. */
const receiptToken = "receipt-token-for-the-role-matrix-000001";
await insertCase(db, { followTokenHash: sha256(receiptToken) });

roleMatrix("staff intake (counter, phone, post) and its receipt", testApp, [
  {
    method: "GET",
    url: "/fr/staff/requests/new",
    expect: { anonymous: 303, citizen: 403, moderator: 403, integrity_officer: 403, otherwise: 200 },
  },
  {
    method: "GET",
    url: `/fr/staff/requests/new?structure=${home}`,
    expect: expectFor.structureStaff(200),
  },
  {
    method: "POST",
    url: "/fr/staff/requests/new",
    form: () => ({
      structure: HOME_STRUCTURE,
      channel: "counter",
      type: "complaint",
      subject: "Trottoir effondré",
      description: "Le trottoir devant le numéro 12 s'est effondré, les piétons marchent sur la chaussée.",
      contactName: "Mounir Gharbi",
      submissionKey: randomUUID(),
    }),
    expect: expectFor.structureStaff(303),
  },
  {
    method: "GET",
    url: `/fr/staff/requests/receipt/${receiptToken}`,
    expect: expectFor.structureMembers(200),
  },
]);

roleMatrix("response templates", testApp, [
  {
    method: "GET",
    url: "/fr/staff/templates",
    expect: expectFor.admins(200),
  },
  {
    method: "GET",
    url: `/fr/staff/templates?structure=${home}`,
    expect: expectFor.admins(200, 404),
  },
  {
    method: "POST",
    url: "/fr/staff/templates",
    form: {
      structure: home,
      locale: "fr",
      title: "Accusé",
      body: "Votre requête {reference} est à l'étude.",
    },
    expect: expectFor.admins(303, 404),
  },
  {
    method: "GET",
    url: () => `/fr/staff/templates/${template().id}`,
    expect: { anonymous: 303, citizen: 403, structure_admin: 200, platform_admin: 200, otherwise: 404 },
  },
  {
    method: "POST",
    url: () => `/fr/staff/templates/${template().id}`,
    form: { locale: "fr", title: "Réponse type", body: "Bonjour {name}," },
    expect: { anonymous: 303, citizen: 403, structure_admin: 303, platform_admin: 303, otherwise: 404 },
  },
  {
    method: "POST",
    url: () => `/fr/staff/templates/${template().id}/delete`,
    expect: { anonymous: 303, citizen: 403, structure_admin: 303, platform_admin: 303, otherwise: 404 },
  },
]);

roleMatrix("routing rules", testApp, [
  {
    method: "GET",
    url: "/fr/staff/routing",
    expect: expectFor.admins(200),
  },
  {
    method: "POST",
    url: "/fr/staff/routing",
    form: () => ({ category: category().id, structure: home, governorate: "", assignment: "least_loaded" }),
    expect: expectFor.admins(303, 422),
  },
  {
    method: "POST",
    url: () => `/fr/staff/routing/${rule().id}/delete`,
    // The rules route to the municipality: the governorate's admins do not manage them.
    expect: { anonymous: 303, platform_admin: 303, structure_admin: 404, other_staff: 404, otherwise: 403 },
  },
]);

const team = take(
  await Promise.all(
    Array.from({ length: ROLES * 2 }, (_, i) =>
      db
        .insert(caseTeams)
        .values({ structureId: home, name: { ar: `فريق ${i}`, fr: `Équipe ${i}`, en: `Team ${i}` } })
        .returning()
        .then((r) => r[0]!),
    ),
  ),
);
const teamNames = { nameAr: "فريق الطرقات", nameFr: "Équipe voirie", nameEn: "Roads team" };

roleMatrix("teams", testApp, [
  {
    method: "GET",
    url: "/fr/staff/teams",
    expect: expectFor.admins(200),
  },
  {
    method: "GET",
    url: `/fr/staff/teams?structure=${home}`,
    expect: expectFor.admins(200, 404),
  },
  {
    method: "POST",
    url: "/fr/staff/teams",
    form: { structure: home, ...teamNames },
    expect: expectFor.admins(303, 404),
  },
  {
    method: "GET",
    url: () => `/fr/staff/teams/${team().id}`,
    expect: { anonymous: 303, citizen: 403, structure_admin: 200, platform_admin: 200, otherwise: 404 },
  },
  {
    method: "POST",
    url: () => `/fr/staff/teams/${team().id}`,
    form: teamNames,
    expect: { anonymous: 303, citizen: 403, structure_admin: 303, platform_admin: 303, otherwise: 404 },
  },
  {
    method: "POST",
    url: () => `/fr/staff/teams/${team().id}/delete`,
    expect: { anonymous: 303, citizen: 403, structure_admin: 303, platform_admin: 303, otherwise: 404 },
  },
]);

// The staff's notification settings are on the notification preferences page: the old address
// leads there (which asks whoever is not signed in to sign in), and takes no form any more.
roleMatrix("notification preferences", testApp, [
  { method: "GET", url: "/fr/staff/preferences", expect: { otherwise: 301 } },
  {
    method: "POST",
    url: "/fr/staff/preferences",
    form: { assignmentMail: "daily" },
    expect: { otherwise: 404 },
  },
]);

roleMatrix("unsubscribe link", testApp, [
  { method: "GET", url: `/fr/requests/unsubscribe/${token}`, expect: { otherwise: 200 } },
  { method: "POST", url: `/fr/requests/unsubscribe/${token}`, expect: { otherwise: 200 } },
  { method: "GET", url: `/fr/requests/unsubscribe/${token.slice(0, -2)}xx`, expect: { otherwise: 404 } },
]);
