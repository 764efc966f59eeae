import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { is, sql } from "drizzle-orm";
import { PgTable, pgTable, serial, timestamp, uuid } from "drizzle-orm/pg-core";
import type { FastifyPluginAsync } from "fastify";
import { h } from "preact";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/core/features/contracts.js";
import { contributionMonth } from "../../src/core/features/contributions.js";
import type { FeatureManifest } from "../../src/core/manifest.js";
import { schemaOf } from "../../src/db/schema.js";
import { FEATURES } from "../../src/features/index.js";
import { refreshInsightsJob } from "../../src/features/insights/refresh.js";
import { findStructureByCode } from "../../src/features/structures/queries.js";
import { signedInAgent, TEST_PASSWORD } from "../accounts.js";
import { createTestApp } from "../app.js";
import { HOME_STRUCTURE } from "../role-matrix.js";

/**
 * A feature that exists only in this test: it is added to the list the app is built from, and what
 * it offers must show where a person would look for it, with no other file edited.
 */
const THINGS = [
  { code: "one", name: "Première chose" },
  { code: "two", name: "Deuxième chose" },
];

const thingsDataset: Dataset = {
  id: "fixture-things",
  columns: { code: "string", name: "string" },
  frequency: "DAILY",
  theme: "GOVE",
  async page(_source, cursor) {
    return { rows: cursor === null ? THINGS : [], next: null };
  },
  count: async () => THINGS.length,
  modified: async () => new Date("2026-01-01T00:00:00Z"),
};

const thingsRoutes: FastifyPluginAsync = async (app) => {
  app.get("/fixture/things/:code", async () => "a thing");
  app.get("/admin/fixture-things", async () => "the things' admin");
};

/** The fixture's own participation: people vote for things, each vote addressed to a structure. */
const fixtureThingVotes = pgTable("fixture_thing_votes", {
  id: serial("id").primaryKey(),
  structureId: uuid("structure_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What the fixture's account hooks were told, in order. */
const heard: string[] = [];

const fixtureManifest: FeatureManifest = {
  name: "fixture-things",
  routes: [{ plugin: thingsRoutes, mount: "pages" }],
  tables: { fixtureThingVotes },
  datasets: [{ dataset: thingsDataset, apiPath: "/fixture-things", order: 1000 }],
  followable: [
    {
      kind: "fixture_thing",
      path: (target) => `/fixture/things/${target}`,
      name: async (_db, target) => {
        const thing = THINGS.find((t) => t.code === target);
        return thing ? { fr: thing.name } : null;
      },
    },
  ],
  widgets: [
    {
      kind: "fixturethings",
      titleKey: "fixture.things.widget",
      order: 1000,
      body: async (_db, structure) => h("p", null, `Things of ${structure.code}`),
    },
  ],
  adminSections: [
    {
      id: "fixture-things",
      labelKey: "fixture.things.admin",
      summaryKey: "fixture.things.summary",
      path: "/admin/fixture-things",
      order: 1000,
      allowed: (actor) => actor.platformAdmin,
    },
    {
      // A workspace outside the admin area, with its own navigation: a card, no link in the admin's.
      id: "fixture-desk",
      labelKey: "fixture.desk.admin",
      summaryKey: "fixture.desk.summary",
      path: "/fixture/desk",
      order: 1001,
      allowed: (actor) => actor.platformAdmin,
      nav: false,
    },
  ],
  forgetAccount: async (_db, accountId, mode) => {
    heard.push(`forget ${accountId} ${mode}`);
  },
  membershipRevoked: async (_db, membership) => {
    heard.push(`revoked ${membership.accountId} ${membership.role}`);
  },
  contributions: [
    {
      mechanisms: [{ name: "fixture_thing_vote", labelKey: "fixture.things.votes" }],
      order: 1000,
      sql: sql`
        select ${contributionMonth(fixtureThingVotes.createdAt)},
          'fixture_thing_vote', 'unstated', ${fixtureThingVotes.structureId}, null::uuid
        from ${fixtureThingVotes}`,
    },
  ],
};

const { app, database } = await createTestApp({ features: [...FEATURES, fixtureManifest] });

describe("a feature added to the list", () => {
  it("publishes its dataset in the catalogue page, the DCAT catalogue, the downloads and the API", async () => {
    const page = await app.inject({ url: "/fr/open-data" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("/open-data/fixture-things.csv");

    const catalogue = await app.inject({ url: "/open-data/catalog.jsonld" });
    expect(catalogue.body).toContain("/open-data/fixture-things.json");

    const csv = await app.inject({ url: "/open-data/fixture-things.csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("one,Première chose");

    const json = await app.inject({ url: "/open-data/fixture-things.json" });
    expect(json.json()).toEqual(THINGS);

    const api = await app.inject({ url: "/api/v1/fixture-things" });
    expect(api.statusCode).toBe(200);
    expect(api.body).toContain("Deuxième chose");
  });

  it("lets a signed-in person follow its records, and lists them in their subscriptions", async () => {
    const { agent } = await signedInAgent(app, database);
    const followed = await agent.post("/fr/subscriptions/follow", {
      kind: "fixture_thing",
      target: "two",
      back: "/fixture/things/two",
    });
    expect(followed.statusCode).toBe(303);
    // A target it does not know is refused, as for any kind.
    await agent.post("/fr/subscriptions/follow", { kind: "fixture_thing", target: "three" });
    const page = await agent.get("/fr/subscriptions");
    expect(page.body).toContain("Deuxième chose");
    expect(page.body).toContain('href="/fr/fixture/things/two"');
    expect(page.body).not.toContain("/fr/fixture/things/three");
  });

  it("puts its admin section in the admin navigation of those it lets in, and only theirs", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const home = await admin.get("/fr/admin");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('href="/fr/admin/fixture-things"');
    // The built-in sections keep their place: the fixture's comes last.
    expect(home.body.indexOf('href="/fr/admin/settings"')).toBeLessThan(
      home.body.indexOf('href="/fr/admin/fixture-things"'),
    );

    const { agent: agentStaff } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "agent" }],
    });
    const staffHome = await agentStaff.get("/fr/admin");
    expect(staffHome.statusCode).toBe(200);
    expect(staffHome.body).not.toContain("/fr/admin/fixture-things");
  });

  it("gives its admin section a card on the admin home, with its summary, for those it lets in", async () => {
    const card = '<a class="sh-card__link" href="/fr/admin/fixture-things">';
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const home = (await admin.get("/fr/admin")).body;
    expect(home).toContain(card);
    // An unknown key shows as itself: the card's text is the section's summary.
    expect(home).toContain("fixture.things.summary");
    // The built-in cards keep their place: the fixture's comes last.
    expect(home.indexOf('<a class="sh-card__link" href="/fr/admin/settings">')).toBeGreaterThan(-1);
    expect(home.indexOf('<a class="sh-card__link" href="/fr/admin/settings">')).toBeLessThan(
      home.indexOf(card),
    );

    const { agent: officer } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "integrity_officer" }],
    });
    const officerHome = await officer.get("/fr/admin");
    expect(officerHome.statusCode).toBe(200);
    expect(officerHome.body).not.toContain("fixture.things.summary");
    expect(officerHome.body).not.toContain("/fr/admin/fixture-things");

    const { agent: citizen } = await signedInAgent(app, database);
    const citizenHome = await citizen.get("/fr/admin");
    expect(citizenHome.statusCode).toBe(403);
    expect(citizenHome.body).not.toContain("fixture.things.summary");
  });
});

describe("an admin section declared with nav: false", () => {
  it("has its card on the admin home but no link in the admin navigation", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const home = (await admin.get("/fr/admin")).body;
    expect(home).toContain('<a class="sh-card__link" href="/fr/fixture/desk">');
    expect(home).toContain("fixture.desk.summary");
    const nav = /<nav class="sh-admin__nav"[\s\S]*?<\/nav>/.exec(home)?.[0];
    // The navigation is there, with the fixture's other section, and without this one.
    expect(nav).toContain('href="/fr/admin/fixture-things"');
    expect(nav).not.toContain("/fr/fixture/desk");
    expect(nav).not.toContain("fixture.desk.admin");
  });
});

describe("account hooks added to the list", () => {
  it("hear of a deleted account and of a withdrawn staff role, in the same requests", async () => {
    const { agent: person, account } = await signedInAgent(app, database);
    const deleted = await person.post("/fr/account/delete", { mode: "anonymise", confirm: TEST_PASSWORD });
    expect(deleted.statusCode).toBe(303);
    expect(heard).toContain(`forget ${account.id} anonymise`);

    const { account: holder } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "agent" }],
    });
    const [membership] = await database.query<{ id: string }>(
      "select id from memberships where account_id = $1",
      [holder.id],
    );
    const { agent: admin } = await signedInAgent(app, database, {
      roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
    });
    await admin.get(`/fr/admin/staff/memberships/${membership!.id}/revoke`);
    const revoked = await admin.post(`/fr/admin/staff/memberships/${membership!.id}/revoke`);
    expect(revoked.statusCode).toBe(303);
    expect(heard).toContain(`revoked ${holder.id} agent`);
  });
});

describe("a widget kind added to the list", () => {
  it("is offered in the widget builder and framed for a structure", async () => {
    const structure = await findStructureByCode(database.db, HOME_STRUCTURE);
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const builder = await admin.get(`/fr/admin/widgets?structure=${structure!.id}`);
    expect(builder.statusCode).toBe(200);
    expect(builder.body).toContain(`/fr/widgets/${HOME_STRUCTURE}/fixturethings`);

    const widget = await app.inject({ url: `/fr/widgets/${HOME_STRUCTURE}/fixturethings` });
    expect(widget.statusCode).toBe(200);
    expect(widget.body).toContain(`Things of ${HOME_STRUCTURE}`);
  });
});

describe("a contribution source added to the list", () => {
  it("is counted by the insights refresh and shown on the dashboard under its own label", async () => {
    // The fixture's table is not in the migrations: it is made here.
    await database.db.execute(sql`
      create table fixture_thing_votes (
        id serial primary key, structure_id uuid not null, created_at timestamptz not null default now()
      )`);
    const structure = await findStructureByCode(database.db, HOME_STRUCTURE);
    await database.db.insert(fixtureThingVotes).values([1, 2, 3].map(() => ({ structureId: structure!.id })));
    await refreshInsightsJob.run(database.db, new Date(), {
      publicUrl: "https://sharek.example.tn",
      secret: "job-test-secret",
      features: app.features,
    });

    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const page = await admin.get("/fr/admin/insights");
    expect(page.statusCode).toBe(200);
    const usage = /<table id="usage-table"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? "";
    const row = [...usage.matchAll(/<tr[\s\S]*?<\/tr>/g)]
      .map((r) => [...r[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.trim()))
      .find((cells) => cells[0] === "fixture.things.votes");
    // This month's column is the last: the three votes.
    expect(row?.at(-1)).toBe("3");
    // The built-in mechanisms keep their place: the fixture's comes last.
    expect(usage.indexOf("Signalements d’intégrité")).toBeLessThan(usage.indexOf("fixture.things.votes"));
    const structures = /<table id="structure-table"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? "";
    expect(structures).toContain("fixture.things.votes");
  });
});

describe("the runtime schema", () => {
  it("holds every table of every tables.ts, as drizzle-kit reads them", async () => {
    const root = join(import.meta.dirname, "../../src");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith("tables.ts") && !f.includes("migrations"),
    );
    const schema = schemaOf(FEATURES);
    const missing: string[] = [];
    for (const file of files) {
      const module = (await import(join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module))
        if (is(value, PgTable) && schema[name] !== value)
          missing.push(`${relative(root, join(root, file))}: ${name}`);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
