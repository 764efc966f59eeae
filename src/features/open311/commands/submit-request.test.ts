import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { localFileStore } from "../../../core/files/store.js";
import { translator } from "../../../core/i18n/catalog.js";
import { cases } from "../../cases/tables.js";
import { createService, issueKey } from "../testing.js";
import { DESCRIPTION_MAX, submissionKeyFor, submitOpen311Request } from "./submit-request.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const db = database.db;
const ctx = {
  db,
  files: localFileStore("/nonexistent-open311-test"),
  account: null,
  t: translator("en"),
  locale: "en" as const,
  publicUrl: "https://sharek.example.tn",
  secret: "test-secret",
};
const { serviceCode, category } = await createService(db, "gov-tn-11", "lighting");
const { client } = await issueKey(db);
const valid = {
  service_code: serviceCode,
  lat: "36.8",
  long: "10.18",
  description:
    "Premier paragraphe : le lampadaire est éteint.\n\nSecond paragraphe, plus long, avec les détails utiles.",
};

describe("submitOpen311Request", () => {
  it("files a notice whose subject is the description's first line", async () => {
    const result = await submitOpen311Request(ctx, client, valid);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const [row] = await db.select().from(cases).where(eq(cases.reference, result.value.reference));
    expect(row).toMatchObject({
      type: "notice",
      categoryId: category.id,
      subject: "Premier paragraphe : le lampadaire est éteint.",
      anonymous: true,
    });
    expect(result.value.dueAt).toBeInstanceOf(Date);
  });

  it("keeps both ways to reach the person when the client sends an email and a phone", async () => {
    const result = await submitOpen311Request(ctx, client, {
      ...valid,
      email: "citoyen@example.tn",
      phone: "+216 71 123 456",
      first_name: "Amel",
      last_name: "Ben Salah",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const [row] = await db.select().from(cases).where(eq(cases.reference, result.value.reference));
    expect(row).toMatchObject({
      contactEmail: "citoyen@example.tn",
      contactPhone: "+21671123456",
      anonymous: false,
    });
  });

  it("cuts a long first line to a subject of 150 characters", async () => {
    const line = "Le trottoir ".repeat(30);
    const result = await submitOpen311Request(ctx, client, { ...valid, description: line });
    if (!result.ok) throw new Error("expected a request");
    const [row] = await db.select().from(cases).where(eq(cases.reference, result.value.reference));
    expect([...row!.subject].length).toBe(150);
    expect(row!.subject.endsWith("…")).toBe(true);
  });

  it("refuses with the spec's statuses: 404 for an unknown service, 400 for the rest", async () => {
    const unknown = await submitOpen311Request(ctx, client, { ...valid, service_code: "gov-tn-11.none" });
    expect(!unknown.ok && unknown.error.status).toBe(404);
    const long = await submitOpen311Request(ctx, client, {
      ...valid,
      description: "x".repeat(DESCRIPTION_MAX + 1),
    });
    expect(!long.ok && long.error.status).toBe(400);
    const noPlace = await submitOpen311Request(ctx, client, { ...valid, lat: "", long: "" });
    expect(!noPlace.ok && noPlace.error.problems).toEqual([{ key: "locationMissing" }]);
  });

  it("derives the one-time key from the client and its Idempotency-Key, or draws it at random", () => {
    expect(submissionKeyFor("a", "k")).toBe(submissionKeyFor("a", "k"));
    expect(submissionKeyFor("a", "k")).not.toBe(submissionKeyFor("b", "k"));
    expect(submissionKeyFor("a", undefined)).not.toBe(submissionKeyFor("a", undefined));
    for (const key of [submissionKeyFor("a", "k"), submissionKeyFor("a", "")])
      expect(key).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });
});
