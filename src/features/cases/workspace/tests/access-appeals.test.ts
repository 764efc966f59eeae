import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mailsTo } from "../../../../../test/mail.js";
import { sha256 } from "../../../../core/auth/secrets.js";
import { CENTRAL_OFFICE_CODE } from "../../../structures/reference-data.js";
import { accessDueAt, extendedDueAt } from "../../access-law.js";
import { insertCase, reload, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");

/** A request the citizen follows by its secret link (the page a citizen without an account uses). */
async function followed(fields: Parameters<typeof insertCase>[1]) {
  const token = randomBytes(24).toString("base64url");
  const c = await insertCase(db, { ...fields, followTokenHash: sha256(token) });
  return { c, page: `/fr/requests/follow/${token}` };
}

describe("access-to-information time limits (Organic Law 2016-22)", () => {
  it("counts each track in calendar days, or hours, as the law does", () => {
    const filed = new Date("2026-03-27T10:00:00+01:00"); // a Friday
    // Art. 14: 20 days → Thursday 16 April 2026, end of day in Tunis.
    expect(accessDueAt("standard", filed).toISOString()).toBe("2026-04-16T22:59:59.999Z");
    // Art. 15: on the spot, 10 days → Monday 6 April 2026.
    expect(accessDueAt("on_site", filed).toISOString()).toBe("2026-04-06T22:59:59.999Z");
    // Art. 17: life or liberty, 48 hours from the moment it arrived.
    expect(accessDueAt("life_liberty", filed).toISOString()).toBe("2026-03-29T09:00:00.000Z");
    // A limit ending on Eid (20 March 2026) stays there: filed 28 February + 20 days.
    expect(accessDueAt("standard", new Date("2026-02-28T09:00:00+01:00")).toISOString()).toBe(
      "2026-03-20T22:59:59.999Z",
    );
    // Art. 18: the extension adds 10 days to the limit: 16 April → 26 April.
    expect(extendedDueAt(accessDueAt("standard", filed)).toISOString()).toBe("2026-04-26T22:59:59.999Z");
  });

  it("shows the track and its article on the intake form", async () => {
    const page = await people.citizen.agent.get("/fr/requests/new?type=information&structure=min-health");
    expect(page.body).toContain('name="accessTrack"');
    expect(page.body).toContain("réponse sous 48 heures (article 17)");
  });

  it("extends once, by 10 days, telling the requester why; a second extension is refused", async () => {
    const dueAt = accessDueAt("standard", new Date());
    const c = await insertCase(db, { type: "information", accessTrack: "standard", dueAt });
    const url = `/fr/staff/requests/${c.id}/extend`;
    expect((await people.agent.agent.post(url, { message: "" })).statusCode).toBe(422);
    expect((await people.agent.agent.post(url, { message: "x" }, { csrf: false })).statusCode).toBe(403);
    const done = await people.agent.agent.post(url, { message: "Il faut consulter un tiers." });
    expect(done.statusCode).toBe(303);
    const after = await reload(db, c.id);
    expect(after.dueAt?.toISOString()).toBe(extendedDueAt(dueAt).toISOString());
    expect(after.extendedAt).not.toBeNull();
    const [mail] = await mailsTo(database, c.contactEmail!);
    expect(mail?.textBody).toContain("Il faut consulter un tiers.");
    const again = await people.agent.agent.post(url, { message: "Encore dix jours, s'il vous plaît." });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("la loi permet une seule prorogation");
    expect((await reload(db, c.id)).dueAt?.toISOString()).toBe(extendedDueAt(dueAt).toISOString());
  });

  it("refuses only on a ground of the law, and then tells the requester their appeal routes", async () => {
    const { c, page } = await followed({
      type: "information",
      accessTrack: "standard",
      status: "in_progress",
    });
    const url = `/fr/staff/requests/${c.id}/close`;
    const bare = await people.agent.agent.post(url, { outcome: "refused", message: "Non." });
    expect(bare.statusCode).toBe(422);
    expect(bare.body).toContain('href="#close-ground"');
    expect((await people.agent.agent.post(url, { outcome: "answered" })).statusCode).toBe(422);
    expect((await reload(db, c.id)).status).toBe("in_progress");
    const refused = await people.agent.agent.post(url, {
      outcome: "refused",
      ground: "personal_data",
      message: "Le document contient les données personnelles de tiers.",
    });
    expect(refused.statusCode).toBe(303);
    expect(await reload(db, c.id)).toMatchObject({ outcome: "refused", refusalGround: "personal_data" });
    // The mail (in Arabic: no account, no language recorded) names the ground and the routes.
    const [mail] = await mailsTo(database, c.contactEmail!);
    expect(mail?.textBody).toContain("المعطيات الشخصية للغير");
    expect(mail?.textBody).toContain("هيئة النفاذ إلى المعلومة");
    const follow = (await people.citizen.agent.get(page)).body;
    expect(follow).toContain("Données personnelles d’un tiers (article 24");
    expect(follow).toContain("Auprès du chef de l’organisme, dans les 20 jours");
    expect(follow).toContain("Instance d’accès à l’information (INAI)");
    expect(follow).toContain("tribunal administratif");
  });

  it("counts silence past the limit as a refusal, with the appeal to the head on 10 days", async () => {
    const { c, page } = await followed({
      type: "information",
      accessTrack: "standard",
      status: "in_progress",
      dueAt: new Date(Date.now() - 86_400_000),
    });
    const follow = (await people.citizen.agent.get(page)).body;
    expect(follow).toContain("la loi assimile ce silence à un refus");
    const appeal = await people.citizen.agent.post(`${page}/reopen`, {
      reason: "Aucune réponse dans le délai de vingt jours.",
    });
    expect(appeal.statusCode).toBe(303);
    const after = await reload(db, c.id);
    expect(after).toMatchObject({ appealLevel: 1, appealStructureId: home });
    const days = (after.dueAt!.getTime() - after.appealedAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(10);
    expect(days).toBeLessThanOrEqual(11);
    // One appeal on the platform: the next route is the INAI, outside it.
    expect((await people.citizen.agent.get(page)).body).not.toContain(`action="/fr${page}/reopen"`);
  });
});

describe("appeals that reach someone", () => {
  it("puts a first appeal in the structure admin's appeals queue, mails them, and lets them decide it", async () => {
    const { c, page } = await followed({ status: "answered", answeredAt: new Date() });
    const appeal = await people.citizen.agent.post(`${page}/reopen`, {
      reason: "La réponse ne règle rien du tout.",
    });
    expect(appeal.statusCode).toBe(303);
    const [mail] = await mailsTo(database, people.admin.account.email!);
    expect(mail?.subject).toContain(c.reference);
    const queue = (await people.admin.agent.get(`/fr/staff/requests?structure=${home}&appeals=1`)).body;
    expect(queue).toContain(c.reference);
    // The citizen sees with whom the appeal is, since when, and by when it is due.
    const follow = (await people.citizen.agent.get(page)).body;
    expect(follow).toContain("Votre recours (niveau 1) est en cours d’examen");
    expect(follow).toContain("Réponse attendue au plus tard le");
    // The agent may not decide the appeal; the head does.
    const close = `/fr/staff/requests/${c.id}/close`;
    expect((await people.agent.agent.post(close, { outcome: "answered" })).statusCode).toBe(403);
    expect(
      (await people.admin.agent.post(close, { outcome: "answered", message: "Confirmé." })).statusCode,
    ).toBe(303);
    expect((await reload(db, c.id)).status).toBe("closed");
    expect(
      (await people.admin.agent.get(`/fr/staff/requests?structure=${home}&appeals=1`)).body,
    ).not.toContain(c.reference);
  });

  it("sends a second appeal to the central office", async () => {
    const { c, page } = await followed({
      status: "closed",
      outcome: "answered",
      closedAt: new Date(),
      appealLevel: 1,
      appealStructureId: home,
    });
    expect(
      (await people.citizen.agent.post(`${page}/reopen`, { reason: "Toujours pas de solution." })).statusCode,
    ).toBe(303);
    const office = await structureIdOf(db, CENTRAL_OFFICE_CODE);
    expect(await reload(db, c.id)).toMatchObject({ appealLevel: 2, appealStructureId: office });
    const queue = (await people.platformAdmin.agent.get(`/fr/staff/requests?structure=${office}&appeals=1`))
      .body;
    expect(queue).toContain(c.reference);
    // The structure's head no longer decides it.
    const close = `/fr/staff/requests/${c.id}/close`;
    expect((await people.admin.agent.post(close, { outcome: "answered" })).statusCode).toBe(403);
    expect(
      (await people.platformAdmin.agent.post(close, { outcome: "answered", message: "Vu." })).statusCode,
    ).toBe(303);
    // A third appeal is not offered.
    expect((await people.citizen.agent.get(page)).body).not.toContain("/reopen");
  });
});
