import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { accounts } from "../../core/auth/tables.js";
import { datasetsOf } from "../../core/features/registry.js";
import { insertCase } from "../cases/workspace/testing.js";
import { FEATURES } from "../index.js";

const DATASETS = datasetsOf(FEATURES);

/**
 * The privacy guard: with the demo content and more personal data seeded, no email, phone number,
 * name or IP address of a person appears in any dataset, in either format, in any API page, or in
 * the catalogue. Whatever dataset is added later is scanned too (DATASETS drives the walk).
 */
const { app, database } = await createTestApp({ demo: true });
const mounira = await createAccount(database, { displayName: "Mounira Ben Ammar" });
await database.db.update(accounts).set({ phone: "+21698765432" }).where(eq(accounts.id, mounira.id));
for (let i = 0; i < 12; i++) {
  await insertCase(database.db, {
    structure: "mun-tn-11",
    type: "notice",
    contactName: "Hichem Trabelsi",
    contactEmail: "hichem.trabelsi@example.tn",
    contactPhone: "+21622334455",
    description: "Signalé depuis 198.51.100.23, lampadaire éteint devant chez moi.",
  });
}

async function personalData(): Promise<string[]> {
  const rows = await database.query<{ value: string | null }>(`
    select email as value from accounts union select display_name from accounts
    union select phone from accounts
    union select contact_name from cases union select contact_email from cases
    union select contact_phone from cases`);
  const values = rows.map((r) => r.value).filter((v): v is string => !!v && v.length >= 6);
  // Phones also as people write them (national number, spaced).
  const phones = values.filter((v) => /^\+216\d{8}$/.test(v)).map((v) => v.slice(4));
  return [...values, ...phones, "198.51.100.23"];
}

async function everything(): Promise<Array<[string, string]>> {
  const bodies: Array<[string, string]> = [];
  const get = async (url: string) => {
    const answer = await app.inject(url);
    expect(answer.statusCode, url).toBe(200);
    bodies.push([url, answer.body]);
    return answer;
  };
  for (const { dataset, apiPath } of DATASETS) {
    await get(`/open-data/${dataset.id}.csv`);
    await get(`/open-data/${dataset.id}.json`);
    let url: string | null = `/api/v1${apiPath}?limit=25`;
    while (url) {
      const next: string | null = (await get(url)).json().next;
      url = next ? next.replace(app.config.publicUrl, "") : null;
    }
  }
  for (const url of ["/open-data/catalog.jsonld", "/open-data/catalog.ttl", "/api/docs", "/fr/open-data"])
    await get(url);
  return bodies;
}

describe("the privacy guard", () => {
  it("finds no person's email, phone, name or address in any dataset or API response", async () => {
    const needles = await personalData();
    expect(needles).toContain("hichem.trabelsi@example.tn");
    expect(needles).toContain("Mounira Ben Ammar");
    expect(needles.length).toBeGreaterThan(10);
    const bodies = await everything();
    expect(bodies.length).toBeGreaterThan(DATASETS.length * 3);
    const leaks = bodies.flatMap(([url, body]) =>
      needles.filter((needle) => body.includes(needle)).map((needle) => `${url}: ${needle}`),
    );
    expect(leaks).toEqual([]);
  });

  it("publishes the demo's ideas with their status history and supports, and no author", async () => {
    const ideas = (await app.inject("/open-data/ideas.json")).json() as Array<Record<string, unknown>>;
    expect(ideas.length).toBeGreaterThan(3);
    const answered = ideas.find((i) => JSON.parse(i.status_history as string).length > 1);
    expect(answered).toBeDefined();
    expect(typeof answered!.supports).toBe("number");
    expect(Object.keys(answered!)).not.toContain("author");
  });

  it("gives each author one pseudonym per release, kept across API pages, and a new one in the next release", async () => {
    const rows = await database.query<{ id: string; author_id: string }>(
      "select m.id, m.author_id::text from consultation_comments m join consultations c on c.id = m.consultation_id where c.visibility = 'published' and m.author_id is not null",
    );
    const byAuthor = new Map<string, string[]>();
    for (const r of rows) byAuthor.set(r.author_id, [...(byAuthor.get(r.author_id) ?? []), r.id]);
    const [, ids] = [...byAuthor].find(([, list]) => list.length > 1)!;
    const seen = new Map<string, string>();
    let url: string | null = "/api/v1/comments?limit=3";
    while (url) {
      const page = (await app.inject(url)).json() as {
        data: Array<{ id: string; author: string }>;
        next: string | null;
      };
      for (const row of page.data) seen.set(row.id, row.author);
      url = page.next ? page.next.replace(app.config.publicUrl, "") : null;
    }
    const pseudonyms = new Set(ids.map((id) => seen.get(id)));
    expect(pseudonyms.size).toBe(1);
    expect([...pseudonyms][0]).toMatch(/^p-[\w-]{12}$/);
    const { pseudonym } = await import("./dataset.js");
    const authorId = [...byAuthor].find(([, list]) => list === ids)![0];
    const today = new Date().toISOString().slice(0, 10);
    expect(pseudonym(app.config.cookieSecret, today, "contributions", authorId)).toBe([...pseudonyms][0]);
    expect(pseudonym(app.config.cookieSecret, "2099-01-01", "contributions", authorId)).not.toBe(
      [...pseudonyms][0],
    );
  });

  it("takes the release from the server's day: a cursor carrying another day is refused, never keeps its pseudonyms", async () => {
    const first = (await app.inject("/api/v1/comments?limit=2")).json() as {
      data: Array<{ author: string | null }>;
      next: string;
    };
    const cursor = new URL(first.next).searchParams.get("cursor")!;
    const [at, id, release] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as string[];
    expect(release).toBe(new Date().toISOString().slice(0, 10));
    const forge = (position: string[]) =>
      `/api/v1/comments?limit=2&cursor=${Buffer.from(JSON.stringify(position)).toString("base64url")}`;
    // Yesterday's walk carried on today, a day chosen by the client, or no day at all: 400.
    for (const position of [
      [at!, id!, "2020-01-01"],
      [at!, id!, "2099-12-31"],
      [at!, id!],
    ]) {
      const answer = await app.inject({ url: forge(position), headers: { "accept-language": "en" } });
      expect(answer.statusCode, JSON.stringify(position)).toBe(400);
      expect(answer.json().error).toMatchObject({ code: "bad_request", details: { problem: "cursor" } });
    }
    // Today's cursor goes on, with today's pseudonyms.
    const next = await app.inject(forge([at!, id!, release!]));
    expect(next.statusCode).toBe(200);
    const { pseudonym } = await import("./dataset.js");
    const [row] = await database.query<{ author_id: string }>(
      "select m.author_id::text from consultation_comments m join consultations c on c.id = m.consultation_id where c.visibility = 'published' and m.author_id is not null and (m.created_at, m.id) > ($1::timestamptz, $2::uuid) order by m.created_at, m.id limit 1",
      [at, id],
    );
    const authors = (next.json() as { data: Array<{ author: string | null }> }).data.map((r) => r.author);
    expect(authors).toContain(pseudonym(app.config.cookieSecret, release!, "contributions", row!.author_id));
    expect(authors).not.toContain(
      pseudonym(app.config.cookieSecret, "2020-01-01", "contributions", row!.author_id),
    );
  });

  it("publishes the demo consultation's opinion map once computed: statements, votes, consensus, groups", async () => {
    const { recomputeStaleMaps } = await import("../opinion-map/commands/recompute.js");
    await recomputeStaleMaps(database.db, new Date());
    const rows = (await app.inject("/open-data/opinion-maps.json")).json() as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.some((r) => (r.agree as number) > 0 && (r.disagree as number) > 0)).toBe(true);
    expect(rows.some((r) => typeof r.group_aware_consensus === "number")).toBe(true);
    expect(rows.some((r) => (r.representative_of as string).length > 0)).toBe(true);
  });
});
