import { describe, expect, it } from "vitest";
import { savedCaseViews } from "../tables.js";
import { staffPeople, staffTestApp, structureIdOf } from "../testing.js";
import { deleteView } from "./delete-view.js";
import { saveView, VIEWS_MAX } from "./save-view.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");
const ctx = (actor: typeof people.agent) => ({
  db,
  actor: {
    accountId: actor.account.id,
    platformAdmin: false,
    roles: [{ structureId: home, role: "agent" as const }],
    identityVerified: false,
    staffLocked: null,
  },
  mail: { publicUrl: app.config.publicUrl, secret: app.config.cookieSecret },
});

describe("saved views", () => {
  it("stores only the known filters, for the structure it was saved in", async () => {
    const result = await saveView(ctx(people.agent), home, {
      name: "Suggestions",
      query: "?type=suggestion&structure=other&x=<script>",
    });
    expect(result).toEqual({
      ok: true,
      value: { id: expect.any(String), query: `structure=${home}&type=suggestion` },
    });
  });

  it("keeps a person's views to a sane number, and lets them delete one", async () => {
    const me = ctx(people.colleague);
    for (let i = 0; i < VIEWS_MAX; i++)
      expect((await saveView(me, home, { name: `Vue ${i}`, query: "" })).ok).toBe(true);
    const over = await saveView(me, home, { name: "Une de trop", query: "" });
    expect(over).toEqual({
      ok: false,
      errors: { name: { key: "cases.workspace.errors.viewsTooMany", values: { max: VIEWS_MAX } } },
    });
    const [first] = await db.select().from(savedCaseViews).limit(1);
    await deleteView(me, first!);
    expect((await db.select().from(savedCaseViews)).some((v) => v.id === first!.id)).toBe(false);
  });

  it("refuses a structure whose queue the person may not open", async () => {
    const result = await saveView(ctx(people.agent), await structureIdOf(db, "gov-tn-12"), {
      name: "Ariana",
      query: "",
    });
    expect(result.ok).toBe(false);
  });
});
