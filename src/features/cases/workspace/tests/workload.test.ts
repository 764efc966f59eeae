import { beforeAll, describe, expect, it } from "vitest";
import { mailsTo } from "../../../../../test/mail.js";
import { eventsOf, insertCase, reload, staffFixture } from "../testing.js";

const { database, db, people, home, ariana } = await staffFixture();

const DAY = 86_400_000;
const now = Date.now();
const agentId = people.agent.account.id;
const c: Record<string, { id: string; reference: string }> = {};

/** The cells of the workload table's row for `name`: its counts, most urgent first, then the total. */
const rowOf = (html: string, name: string) => {
  const row = html.split("<tr").find((r) => r.includes(`>${name}</a></th>`));
  return row ? [...row.matchAll(/<td[^>]*>(?:<a[^>]*>)?(\d+)/g)].map((m) => Number(m[1])) : undefined;
};

beforeAll(async () => {
  const mine = { assigneeId: agentId, status: "in_progress" as const };
  c.overdue = await insertCase(db, { ...mine, dueAt: new Date(now - 2 * DAY) });
  c.overdue2 = await insertCase(db, { ...mine, dueAt: new Date(now - DAY) });
  c.later = await insertCase(db, { ...mine, dueAt: new Date(now + 30 * DAY) });
  c.closed = await insertCase(db, { ...mine, status: "closed", outcome: "answered" });
  c.unassigned = await insertCase(db, { dueAt: new Date(now + 30 * DAY) });
  c.ariana = await insertCase(db, { structure: "gov-tn-12", dueAt: new Date(now - DAY) });
});

describe("the workload view", () => {
  it("shows each agent's open requests by deadline state to the structure's admin", async () => {
    const page = await people.admin.agent.get("/fr/staff/workload");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    // Overdue, due soon, on time, paused, total.
    expect(rowOf(page.body, "Agent Tunis")).toEqual([2, 0, 1, 0, 3]);
    expect(rowOf(page.body, "Collègue Tunis")).toEqual([0, 0, 0, 0, 0]);
    expect(rowOf(page.body, "Non attribuées")).toEqual([0, 0, 1, 0, 1]);
    expect(page.body).not.toContain("Agent Ariana");
    expect(page.body).toContain('href="/fr/staff/workload"');
  });

  it("lists one agent's requests in one deadline state, each with a reassignment form", async () => {
    const page = await people.admin.agent.get(
      `/fr/staff/workload?structure=${home}&assignee=${agentId}&deadline=overdue`,
    );
    expect(page.body).toContain("Requêtes ouvertes : Agent Tunis, En retard");
    expect(page.body).toContain(c.overdue!.reference);
    expect(page.body).toContain(c.overdue2!.reference);
    expect(page.body).not.toContain(c.later!.reference);
    expect(page.body).toContain(`id="reassign-${c.overdue!.id}"`);
    expect(page.body).toContain('action="/fr/staff/workload/assign"');
  });

  it("reassigns a request from there, with the assign command's timeline and mail, and returns to the list", async () => {
    const back = `assignee=${agentId}&deadline=overdue`;
    const response = await people.admin.agent.post("/fr/staff/workload/assign", {
      structure: home,
      case: c.overdue!.id,
      assignee: people.colleague.account.id,
      back,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/fr/staff/workload?structure=${home}&${back}`);
    expect((await reload(db, c.overdue!.id)).assigneeId).toBe(people.colleague.account.id);
    expect((await eventsOf(db, c.overdue!.id)).map((e) => e.kind)).toContain("assigned");
    const mails = await mailsTo(database, people.colleague.account.email!);
    expect(mails.some((m) => m.subject.includes(c.overdue!.reference))).toBe(true);
    const page = await people.admin.agent.get(response.headers.location as string);
    expect(page.body).toContain("La requête a été attribuée");
    expect(rowOf(page.body, "Agent Tunis")).toEqual([1, 0, 1, 0, 2]);
    expect(rowOf(page.body, "Collègue Tunis")).toEqual([1, 0, 0, 0, 1]);
  });

  it("refuses someone who is not of the structure, keeping the request as it was", async () => {
    const response = await people.admin.agent.post("/fr/staff/workload/assign", {
      structure: home,
      case: c.overdue2!.id,
      assignee: people.otherAgent.account.id,
      back: `assignee=${agentId}`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(`href="#reassign-${c.overdue2!.id}"`);
    expect((await reload(db, c.overdue2!.id)).assigneeId).toBe(agentId);
    const empty = await people.admin.agent.post("/fr/staff/workload/assign", {
      structure: home,
      case: c.overdue2!.id,
      assignee: "",
    });
    expect(empty.statusCode).toBe(422);
  });

  it("refuses a form without its CSRF token, a forged request id and another structure's request", async () => {
    const form = { structure: home, case: c.later!.id, assignee: people.colleague.account.id };
    expect(
      (await people.admin.agent.post("/fr/staff/workload/assign", form, { csrf: false })).statusCode,
    ).toBe(403);
    for (const id of ["not-a-uuid", c.ariana!.id]) {
      const response = await people.admin.agent.post("/fr/staff/workload/assign", { ...form, case: id });
      expect(response.statusCode).toBe(404);
    }
    expect((await reload(db, c.later!.id)).assigneeId).toBe(agentId);
    expect((await reload(db, c.ariana!.id)).assigneeId).toBeNull();
  });

  it("is for structure admins and platform admins only", async () => {
    expect((await people.agent.agent.get("/fr/staff/workload")).statusCode).toBe(403);
    expect((await people.otherAdmin.agent.get(`/fr/staff/workload?structure=${home}`)).statusCode).toBe(404);
    const theirs = await people.otherAdmin.agent.get("/fr/staff/workload");
    expect(rowOf(theirs.body, "Non attribuées")).toEqual([1, 0, 0, 0, 1]);
    expect(
      (
        await people.otherAdmin.agent.post("/fr/staff/workload/assign", {
          structure: home,
          case: c.later!.id,
        })
      ).statusCode,
    ).toBe(404);
    expect((await people.platformAdmin.agent.get(`/fr/staff/workload?structure=${ariana}`)).statusCode).toBe(
      200,
    );
    // The queue's menu offers the view to admins only.
    expect((await people.admin.agent.get("/fr/staff/requests")).body).toContain('href="/fr/staff/workload"');
    expect((await people.agent.agent.get("/fr/staff/requests")).body).not.toContain(
      'href="/fr/staff/workload"',
    );
  });
});
