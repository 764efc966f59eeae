import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { executableMarkup } from "../../../test/html-safety.js";
import { mailsTo } from "../../../test/mail.js";
import { expectFor, HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { findStructureByCode } from "../structures/queries.js";
import { sendReminders } from "./reminders.js";
import { eventRegistrations, events } from "./tables.js";
import { insertEvent } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const home = (await findStructureByCode(db, HOME_STRUCTURE))!;

const makeEvent = (overrides: Partial<typeof events.$inferInsert> = {}) =>
  insertEvent(db, home.id, overrides);

const event = await makeEvent();
/** The role matrix cancels this one (the first allowed role does; the others find it cancelled). */
const toCancel = await makeEvent();
const eventForm = {
  structureId: home.id,
  kind: "information_day",
  mode: "in_person",
  titleFr: "Journée d’information",
  governorateCode: "TN-11",
  startsAt: "2030-03-01T09:00",
  endsAt: "2030-03-01T12:00",
  capacity: "40",
};

roleMatrix("events", testApp, [
  { method: "GET", url: "/fr/events", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/events?governorate=TN-11", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/events/calendar.ics", expect: { otherwise: 200 } },
  { method: "GET", url: () => `/fr/events/${event.id}`, expect: { otherwise: 200 } },
  { method: "GET", url: () => `/fr/events/${event.id}/calendar.ics`, expect: { otherwise: 200 } },
  { method: "GET", url: () => `/fr/events/${event.id}/poster`, expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/events/not-an-id", expect: { otherwise: 404 } },
  { method: "POST", url: () => `/fr/events/${event.id}/cancel`, expect: { anonymous: 303, otherwise: 303 } },
  {
    method: "GET",
    url: "/fr/admin/events",
    expect: { ...expectFor.admins(200), agent: 200 },
  },
  {
    method: "GET",
    url: "/fr/admin/events/new",
    expect: expectFor.admins(200),
  },
  {
    method: "POST",
    url: "/fr/admin/events/new",
    form: () => eventForm,
    // other_staff may not organise for gov-tn-11: the form answers 422.
    expect: expectFor.admins(303, 422),
  },
  {
    method: "GET",
    url: () => `/fr/admin/events/${event.id}`,
    expect: expectFor.structureMembers(200),
  },
  {
    method: "GET",
    url: () => `/fr/admin/events/${event.id}/edit`,
    expect: {
      anonymous: 303,
      citizen: 403,
      agent: 403,
      structure_admin: 200,
      platform_admin: 200,
      otherwise: 404,
    },
  },
  {
    method: "POST",
    url: () => `/fr/admin/events/${toCancel.id}/cancel`,
    form: { reason: "La salle n’est plus disponible." },
    expect: {
      anonymous: 303,
      citizen: 403,
      agent: 403,
      structure_admin: 303,
      platform_admin: 303,
      otherwise: 404,
    },
  },
  {
    method: "POST",
    url: () => `/fr/admin/events/${event.id}/attendance`,
    expect: expectFor.structureMembers(303),
  },
]);

describe("registration", () => {
  it("fills the places, then the waiting list, and promotes the first waiting when someone cancels", async () => {
    const e = await makeEvent();
    const people = await Promise.all([1, 2, 3, 4].map(() => signedInAgent(app, database)));
    const statuses: string[] = [];
    for (const p of people) {
      const page = await p.agent.get(`/fr/events/${e.id}`);
      expect(page.body).toContain(statuses.length < 2 ? "S’inscrire" : "Rejoindre la liste d’attente");
      const response = await p.agent.post(`/fr/events/${e.id}/register`);
      expect(response.statusCode).toBe(303);
      const [row] = await db
        .select()
        .from(eventRegistrations)
        .where(eq(eventRegistrations.accountId, p.account.id));
      statuses.push(row!.status);
    }
    expect(statuses).toEqual(["confirmed", "confirmed", "waiting", "waiting"]);
    expect((await people[3]!.agent.get(`/fr/events/${e.id}`)).body).toContain(
      "numéro 2 sur la liste d’attente",
    );

    // A second click changes nothing.
    await people[0]!.agent.post(`/fr/events/${e.id}/register`);
    expect(
      (await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id))).length,
    ).toBe(4);

    await people[1]!.agent.post(`/fr/events/${e.id}/cancel`);
    const [promoted] = await db
      .select()
      .from(eventRegistrations)
      .where(eq(eventRegistrations.accountId, people[2]!.account.id));
    expect(promoted!.status).toBe("confirmed");
    const [mail] = await mailsTo(database, people[2]!.account.email!);
    expect(mail!.textBody).toContain(`/events/${e.id}/calendar.ics`);
    expect((await people[3]!.agent.get(`/fr/events/${e.id}`)).body).toContain(
      "numéro 1 sur la liste d’attente",
    );
  });

  it("gives new places to the waiting list when the capacity grows", async () => {
    const e = await makeEvent({ capacity: 1 });
    const [a, b] = await Promise.all([signedInAgent(app, database), signedInAgent(app, database)]);
    await a.agent.post(`/fr/events/${e.id}/register`);
    await b.agent.post(`/fr/events/${e.id}/register`);
    const { agent: admin } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    const response = await admin.post(`/fr/admin/events/${e.id}/edit`, { ...eventForm, capacity: "2" });
    expect(response.statusCode).toBe(303);
    const [row] = await db
      .select()
      .from(eventRegistrations)
      .where(eq(eventRegistrations.accountId, b.account.id));
    expect(row!.status).toBe("confirmed");
  });

  it("refuses registration for an event that has started or was cancelled", async () => {
    const past = await makeEvent({
      startsAt: new Date(Date.now() - 3_600_000),
      endsAt: new Date(Date.now() + 3_600_000),
    });
    const { agent, account } = await signedInAgent(app, database);
    await agent.post(`/fr/events/${past.id}/register`);
    expect(
      await db.select().from(eventRegistrations).where(eq(eventRegistrations.accountId, account.id)),
    ).toEqual([]);
  });

  it("refuses a form without its CSRF token", async () => {
    const { agent } = await signedInAgent(app, database);
    expect((await agent.post(`/fr/events/${event.id}/register`, {}, { csrf: false })).statusCode).toBe(403);
  });
});

describe("calendar files", () => {
  it("serve an .ics per event and a feed that ical.js reads", async () => {
    const e = await makeEvent();
    const one = await app.inject(`/fr/events/${e.id}/calendar.ics`);
    expect(one.headers["content-type"]).toContain("text/calendar");
    const vevent = new ICAL.Component(ICAL.parse(one.body)).getFirstSubcomponent("vevent")!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe("Formation, session 1; Tunis");
    expect(parsed.startDate.toJSDate().toISOString()).toBe(e.startsAt.toISOString());
    expect(parsed.location).toContain("Salle des fêtes");
    const feed = await app.inject("/ar/events/calendar.ics?governorate=TN-11");
    const uids = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents("vevent")
      .map((v) => v.getFirstPropertyValue("uid"));
    expect(uids).toContain(`${e.id}@sharek`);
  });
});

describe("sharing", () => {
  it("gives public pages Open Graph and Twitter card metadata, and plain share links", async () => {
    const body = (await app.inject(`/en/events/${event.id}`)).body;
    expect(body).toContain('<meta property="og:title" content="Training"/>');
    expect(body).toContain(`<meta property="og:url" content="${app.config.publicUrl}/en/events/${event.id}"`);
    expect(body).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(body).toContain("https://www.facebook.com/sharer/sharer.php?u=");
    // No third-party script: only the site's own, and the page's JSON-LD data block (never run).
    expect(body).not.toMatch(/<script(?![^>]*src="\/static\/)(?! type="application\/ld\+json">)/);
    expect(executableMarkup(body)).toEqual([]);
  });
});

describe("agenda", () => {
  it("filters by governorate", async () => {
    const sfax = await makeEvent({ governorateCode: "TN-61", title: { fr: "Atelier à Sfax" } });
    expect((await app.inject("/fr/events?governorate=TN-61")).body).toContain("Atelier à Sfax");
    expect((await app.inject("/fr/events?governorate=TN-11")).body).not.toContain("Atelier à Sfax");
    expect((await app.inject(`/fr/events/${sfax.id}/poster`)).body).toContain("<svg");
  });
});

describe("admin", () => {
  it("shows form errors with 422 and keeps what was typed", async () => {
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    const response = await agent.post("/fr/admin/events/new", {
      ...eventForm,
      capacity: "0",
      endsAt: "2030-02-01T09:00",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Journée d’information");
    expect(response.body).toContain("La fin doit venir après le début");
  });

  it("names the field that is too long and says what to do, in the page's language", async () => {
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    const response = await agent.post("/ar/admin/events/new", {
      ...eventForm,
      titleFr: "x".repeat(201),
      venueEn: "y".repeat(201),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("اختصر العنوان إلى 200 حرف على الأكثر في كل لغة");
    expect(response.body).toContain("اختصر المكان إلى 200 حرف على الأكثر في كل لغة");
    expect(response.body).toContain('href="#titleAr"');
    expect(response.body).toContain('href="#venueAr"');
    expect(response.body).toContain("y".repeat(201));
  });

  it("lets an agent mark attendance of confirmed people only", async () => {
    const e = await makeEvent();
    const p = await signedInAgent(app, database);
    await p.agent.post(`/fr/events/${e.id}/register`);
    const [reg] = await db
      .select()
      .from(eventRegistrations)
      .where(eq(eventRegistrations.accountId, p.account.id));
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "agent" }],
    });
    expect((await agent.post(`/fr/admin/events/${e.id}/attendance`, { present: [reg!.id] })).statusCode).toBe(
      303,
    );
    const [after] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, reg!.id));
    expect(after!.attended).toBe(true);
  });
});

describe("reminders", () => {
  it("reminds confirmed people once, within a day of the event", async () => {
    const e = await makeEvent({
      startsAt: new Date(Date.now() + 10 * 3_600_000),
      endsAt: new Date(Date.now() + 12 * 3_600_000),
    });
    const p = await signedInAgent(app, database);
    await p.agent.post(`/fr/events/${e.id}/register`);
    expect(await sendReminders(db, new Date(), "http://x")).toBeGreaterThanOrEqual(1);
    await sendReminders(db, new Date(), "http://x");
    const mails = (await mailsTo(database, p.account.email!)).filter((m) => m.subject.startsWith("تذكير"));
    expect(mails.length).toBe(1);
  });
});

describe("cancelling an event", () => {
  it("lets its organiser cancel it with a reason: the registered are told, the page and the .ics say so, registration closes", async () => {
    const e = await makeEvent();
    const people = await Promise.all([1, 2, 3].map(() => signedInAgent(app, database)));
    for (const p of people) await p.agent.post(`/fr/events/${e.id}/register`);
    const { agent: admin } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    const form = await admin.get(`/fr/admin/events/${e.id}`);
    expect(form.body).toContain(`action="/fr/admin/events/${e.id}/cancel"`);

    // No reason: a clear message, nothing cancelled.
    const empty = await admin.post(`/fr/admin/events/${e.id}/cancel`, { reason: "  " });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Indiquez pourquoi l’événement est annulé");
    const tooLong = await admin.post(`/fr/admin/events/${e.id}/cancel`, { reason: "x".repeat(1001) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain("x".repeat(1001));
    expect(tooLong.body).toMatch(/Raccourcissez le motif de l’annulation à 1\s000 caractères au plus/);
    // Without the form's token: refused.
    expect(
      (await admin.post(`/fr/admin/events/${e.id}/cancel`, { reason: "Grève" }, { csrf: false })).statusCode,
    ).toBe(403);
    expect((await db.select().from(events).where(eq(events.id, e.id)))[0]!.cancelledAt).toBeNull();

    const done = await admin.post(`/fr/admin/events/${e.id}/cancel`, {
      reason: "La salle des fêtes est en travaux.",
    });
    expect(done.statusCode).toBe(303);
    // Those registered and the one waiting are each told once, in their language, with the reason.
    for (const p of people) {
      const mails = (await mailsTo(database, p.account.email!)).filter((m) => m.subject.startsWith("إلغاء"));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.textBody).toContain("La salle des fêtes est en travaux.");
    }
    const again = await admin.post(`/fr/admin/events/${e.id}/cancel`, { reason: "Encore" });
    expect(again.statusCode).toBe(303);
    for (const p of people)
      expect(
        (await mailsTo(database, p.account.email!)).filter((m) => m.subject.startsWith("إلغاء")),
      ).toHaveLength(1);

    const page = await people[0]!.agent.get(`/fr/events/${e.id}`);
    expect(page.body).toContain(
      "Cet événement est annulé. Motif de l’organisateur : <bdi>La salle des fêtes est en travaux.</bdi>",
    );
    expect(page.body).not.toContain(`action="/fr/events/${e.id}/register"`);
    const en = await people[0]!.agent.get(`/en/events/${e.id}`);
    expect(en.body).toContain("This event is cancelled.");
    const ics = await app.inject(`/fr/events/${e.id}/calendar.ics`);
    const vevent = new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");

    const late = await signedInAgent(app, database);
    await late.agent.post(`/fr/events/${e.id}/register`);
    expect(
      await db.select().from(eventRegistrations).where(eq(eventRegistrations.accountId, late.account.id)),
    ).toEqual([]);
  });
});
