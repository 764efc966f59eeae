import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { endOfTunisDay, tunisDay } from "../../../calendar/days.js";
import { loadCalendarFor } from "../../../calendar/queries.js";
import { cases } from "../../tables.js";
import { dueSoonLimit } from "../deadline-state.js";
import { listQueue, queueCounts } from "../queries/queue.js";
import { parseQueueQuery } from "../queue-filters.js";
import { createCategory, insertCase, staffFixture, structureIdOf } from "../testing.js";

const { db, people, home, ariana } = await staffFixture();
const roads = await createCategory(db, "gov-tn-11", "roads");

const DAY = 86_400_000;
const now = new Date();
const ids: Record<string, string> = {};

/** Rows of a queue page: the references, in the order shown. */
const references = (html: string) =>
  [...html.matchAll(/dir="ltr">(EC-2026-\d+)<\/bdi><\/a>/g)].map((m) => m[1]);

beforeAll(async () => {
  const add = async (name: string, fields: Parameters<typeof insertCase>[1]) => {
    const c = await insertCase(db, { subject: `Requête ${name}`, ...fields });
    ids[name] = c.reference;
  };
  await add("overdue", {
    dueAt: new Date(now.getTime() - 2 * DAY),
    status: "in_progress",
    assigneeId: people.agent.account.id,
  });
  await add("soon", { dueAt: endOfTunisDay(tunisDay(now)), categoryId: roads.id, governorateCode: "TN-11" });
  await add("later", { dueAt: new Date(now.getTime() + 30 * DAY), type: "suggestion" });
  await add("paused", {
    dueAt: new Date(now.getTime() + 5 * DAY),
    status: "awaiting_citizen",
    pausedAt: now,
  });
  await add("noDeadline", { dueAt: null, governorateCode: "TN-11" });
  await add("answered", { dueAt: new Date(now.getTime() - 9 * DAY), status: "answered" });
  await add("closed", { dueAt: new Date(now.getTime() - 20 * DAY), status: "closed", outcome: "answered" });
  await add("ariana", {
    structure: "gov-tn-12",
    subject: "Requête de l'Ariana",
    dueAt: new Date(now.getTime() - 3 * DAY),
  });
});

describe("the staff queue", () => {
  it("lists the structure's open requests, soonest deadline first and those without one last", async () => {
    const page = await people.agent.agent.get("/fr/staff/requests");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(references(page.body)).toEqual([ids.overdue, ids.soon, ids.paused, ids.later, ids.noDeadline]);
    expect(page.body).toContain("5 requêtes");
  });

  it("never shows another structure's requests, even by asking for its queue", async () => {
    const page = await people.agent.agent.get("/fr/staff/requests?status=all");
    expect(page.body).not.toContain(ids.ariana);
    expect(page.body).not.toContain("Requête de l");
    expect((await people.agent.agent.get(`/fr/staff/requests?structure=${ariana}`)).statusCode).toBe(404);
    const theirs = await people.otherAgent.agent.get("/fr/staff/requests?status=all");
    expect(references(theirs.body)).toEqual([ids.ariana]);
  });

  it("filters by status, type, category, deadline state, assignee and governorate", async () => {
    const get = async (query: string) =>
      references((await people.agent.agent.get(`/fr/staff/requests?${query}`)).body);
    expect(await get("status=answered")).toEqual([ids.answered]);
    expect(await get("status=all")).toHaveLength(7);
    expect(await get("type=suggestion")).toEqual([ids.later]);
    expect(await get(`category=${roads.id}`)).toEqual([ids.soon]);
    expect(await get("deadline=overdue")).toEqual([ids.overdue]);
    expect(await get("deadline=due_soon")).toEqual([ids.soon]);
    expect(await get("deadline=on_time")).toEqual([ids.later]);
    expect(await get("deadline=paused")).toEqual([ids.paused]);
    expect(await get("assignee=me")).toEqual([ids.overdue]);
    expect(await get(`assignee=${people.agent.account.id}`)).toEqual([ids.overdue]);
    expect(await get("assignee=unassigned")).toEqual([ids.soon, ids.paused, ids.later, ids.noDeadline]);
    expect(await get("governorate=TN-11")).toEqual([ids.soon, ids.noDeadline]);
    expect(await get("governorate=TN-11&deadline=due_soon")).toEqual([ids.soon]);
    // Unknown values are ignored rather than failing.
    expect(
      await get("status=bogus&type=x&category=1&deadline=y&assignee=z&governorate=zz&page=-3"),
    ).toHaveLength(5);
  });

  it("counts by status and by deadline state in one grouped query, under the other filters", async () => {
    const cal = await loadCalendarFor(db, now);
    const clock = { now, soonLimit: dueSoonLimit(now, cal), accountId: people.agent.account.id };
    const counts = await queueCounts(db, parseQueueQuery({}, home), clock);
    expect(counts.byStatus).toEqual({ new: 3, in_progress: 1, awaiting_citizen: 1, answered: 1, closed: 1 });
    expect(counts.byDeadline).toEqual({ on_time: 1, due_soon: 1, overdue: 1, paused: 1 });
    expect(counts.total).toBe(5);
    const overdue = await queueCounts(db, parseQueueQuery({ deadline: "overdue" }, home), clock);
    expect(overdue.byStatus).toEqual({ new: 0, in_progress: 1, awaiting_citizen: 0, answered: 0, closed: 0 });
    expect(overdue.total).toBe(1);
    const governorate = await queueCounts(db, parseQueueQuery({ governorate: "TN-11" }, home), clock);
    expect(governorate.byStatus.new).toBe(2);
    expect(governorate.byDeadline).toEqual({ on_time: 0, due_soon: 1, overdue: 0, paused: 0 });
    const rows = await listQueue(db, parseQueueQuery({}, home), clock);
    expect(rows.map((r) => r.deadline)).toEqual(["overdue", "due_soon", "paused", "on_time", "none"]);

    const page = (await people.agent.agent.get("/fr/staff/requests")).body;
    expect(page).toMatch(/<span class="sh-stats__value">3<\/span>Nouvelle/);
    expect(page).toMatch(/<span class="sh-stats__value">1<\/span>En retard/);
  });

  it("keeps the answered and closed counts in step with every change to a request", async () => {
    const benArous = await structureIdOf(db, "gov-tn-13");
    const clock = { now, soonLimit: now, accountId: people.agent.account.id };
    const settled = async (query: Record<string, string> = {}, structureId = benArous) => {
      const { byStatus } = await queueCounts(
        db,
        parseQueueQuery({ status: "all", ...query }, structureId),
        clock,
      );
      return { answered: byStatus.answered, closed: byStatus.closed };
    };
    const a = await insertCase(db, { structure: "gov-tn-13", status: "answered", governorateCode: "TN-13" });
    const b = await insertCase(db, { structure: "gov-tn-13", status: "closed", outcome: "answered" });
    await insertCase(db, { structure: "gov-tn-13", status: "new" });
    expect(await settled()).toEqual({ answered: 1, closed: 1 });
    expect(await settled({ governorate: "TN-13" })).toEqual({ answered: 1, closed: 0 });

    await db.update(cases).set({ status: "closed", outcome: "answered" }).where(eq(cases.id, a.id));
    expect(await settled()).toEqual({ answered: 0, closed: 2 });
    await db.update(cases).set({ assigneeId: people.agent.account.id }).where(eq(cases.id, a.id));
    expect(await settled({ assignee: "me" })).toEqual({ answered: 0, closed: 1 });
    expect(await settled({ assignee: "unassigned" })).toEqual({ answered: 0, closed: 1 });
    // Reopened on appeal, then moved to another structure.
    await db.update(cases).set({ status: "in_progress" }).where(eq(cases.id, b.id));
    expect(await settled()).toEqual({ answered: 0, closed: 1 });
    await db.update(cases).set({ structureId: ariana, status: "answered" }).where(eq(cases.id, b.id));
    expect(await settled()).toEqual({ answered: 0, closed: 1 });
    expect((await settled({}, ariana)).answered).toBe(1);
    await db.delete(cases).where(eq(cases.id, a.id));
    expect(await settled()).toEqual({ answered: 0, closed: 0 });
  });

  it("pages through a long queue 50 at a time", async () => {
    const category = await createCategory(db, "gov-tn-11", "many");
    for (let i = 0; i < 55; i++)
      await insertCase(db, { categoryId: category.id, dueAt: new Date(now.getTime() + (10 + i) * DAY) });
    const first = await people.agent.agent.get(`/fr/staff/requests?category=${category.id}`);
    expect(references(first.body)).toHaveLength(50);
    expect(first.body).toContain(`page=2`);
    const second = await people.agent.agent.get(`/fr/staff/requests?category=${category.id}&page=2`);
    expect(references(second.body)).toHaveLength(5);
    expect(references(second.body)).not.toContain(references(first.body)[49]);
  });

  it("saves a view of the current filters, offers it back, and deletes it", async () => {
    const saved = await people.agent.agent.post("/fr/staff/requests/views", {
      structure: home,
      name: "Mes retards",
      query: "deadline=overdue&assignee=me&evil=1",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/fr/staff/requests?structure=${home}&deadline=overdue&assignee=me`);
    const page = await people.agent.agent.get(saved.headers.location as string);
    expect(references(page.body)).toEqual([ids.overdue]);
    expect(page.body).toContain(
      `href="/fr/staff/requests?structure=${home}&amp;deadline=overdue&amp;assignee=me"><bdi>Mes retards</bdi></a>`,
    );
    // A colleague does not see it, nor delete it.
    expect((await people.colleague.agent.get("/fr/staff/requests")).body).not.toContain("Mes retards");
    const id = /action="\/fr\/staff\/requests\/views\/([0-9a-f-]+)\/delete"/.exec(page.body)?.[1];
    expect((await people.colleague.agent.post(`/fr/staff/requests/views/${id}/delete`)).statusCode).toBe(404);
    expect((await people.agent.agent.post(`/fr/staff/requests/views/${id}/delete`)).statusCode).toBe(303);
    expect((await people.agent.agent.get("/fr/staff/requests")).body).not.toContain("Mes retards");
  });

  it("asks for a name when saving a view", async () => {
    const response = await people.agent.agent.post("/fr/staff/requests/views", {
      structure: home,
      name: " ",
      query: "status=new",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#view-name"');
  });

  it("lets platform admins open any structure's queue and pick among all", async () => {
    const page = await people.platformAdmin.agent.get(`/fr/staff/requests?structure=${ariana}`);
    expect(page.statusCode).toBe(200);
    expect(references(page.body)).toEqual([ids.ariana]);
    expect(page.body).toContain(`<option value="${home}"`);
  });
});
