import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { structures } from "../../core/structures/tables.js";
import { weightedProgress } from "./progress.js";
import { results } from "./tables.js";

describe("weightedProgress", () => {
  const c = (
    progress: number,
    weight: number,
    status: "planned" | "in_progress" | "done" | "dropped" = "in_progress",
  ) => ({
    progress,
    weight,
    status,
  });
  it.each([
    ["equal weights", [c(40, 1), c(0, 1)], 20],
    ["weights 1, 2, 3", [c(100, 1), c(50, 2), c(0, 3)], 33], // (100 + 100 + 0) / 6 = 33.3
    ["weights 3 and 1", [c(100, 3, "done"), c(30, 1)], 83], // (300 + 30) / 4 = 82.5 → 83
    ["a dropped part does not count", [c(60, 1), c(0, 5, "dropped")], 60],
    ["all done", [c(100, 2, "done"), c(100, 7, "done")], 100],
  ])("%s", (_name, children, expected) => {
    expect(weightedProgress(children)).toBe(expected);
  });
  it("has nothing to say without a part that counts", () => {
    expect(weightedProgress([])).toBeNull();
    expect(weightedProgress([c(50, 1, "dropped")])).toBeNull();
  });
});

describe("a result's progress through its parts", async () => {
  const testApp = await createTestApp();
  const { app, database } = testApp;
  const db = database.db;
  const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
  const { agent } = await signedInAgent(app, database, {
    roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
  });
  const insert = async (code: string, parentId: string | null, weight = 1) =>
    (
      await db
        .insert(results)
        .values({ code, parentId, weight, structureId: home!.id, title: { fr: code }, description: {} })
        .returning()
    )[0]!;
  const progressOf = async (id: string) =>
    (await db.select().from(results).where(eq(results.id, id)))[0]!.progress;
  const move = async (id: string, progress: string, status = "in_progress") => {
    await agent.get(`/en/accountability/${id}`);
    const answer = await agent.post(`/en/accountability/${id}/updates`, {
      status,
      progress,
      bodyFr: "Avancée.",
    });
    expect(answer.statusCode).toBe(303);
  };

  it("computes a parent from its weighted parts, and a grandparent from its parents, as by hand", async () => {
    const plan = await insert("plan", null);
    const a = await insert("plan-a", plan.id, 1);
    const b = await insert("plan-b", plan.id, 3);
    const a1 = await insert("plan-a-1", a.id, 1);
    const a2 = await insert("plan-a-2", a.id, 2);
    await move(a1.id, "90");
    // a = (90 × 1 + 0 × 2) / 3 = 30; plan = (30 × 1 + 0 × 3) / 4 = 7.5 → 8
    expect(await progressOf(a.id)).toBe(30);
    expect(await progressOf(plan.id)).toBe(8);
    await move(a2.id, "60");
    // a = (90 + 120) / 3 = 70; plan = (70 + 0) / 4 = 17.5 → 18
    expect(await progressOf(a.id)).toBe(70);
    expect(await progressOf(plan.id)).toBe(18);
    await move(b.id, "", "done");
    // b done = 100; plan = (70 × 1 + 100 × 3) / 4 = 92.5 → 93
    expect(await progressOf(b.id)).toBe(100);
    expect(await progressOf(plan.id)).toBe(93);
  });

  it("shows the parts on the parent's page and says its progress is computed", async () => {
    const [plan] = await db.select().from(results).where(eq(results.code, "plan"));
    const page = await agent.get(`/en/accountability/${plan!.id}`);
    expect(page.body).toContain("Computed from its parts, by their weight.");
    expect(page.body).toContain("Its 2 parts");
    expect(page.body).toContain('value="93"');
  });
});
