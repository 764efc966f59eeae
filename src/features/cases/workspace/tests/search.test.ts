import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../../../core/audit/tables.js";
import { parseSearch } from "../queue-filters.js";
import { insertCase, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");

/** Rows of a queue page: the references, in the order shown. */
const references = (html: string) =>
  [...html.matchAll(/class="sh-ref" dir="ltr">(EC-\d{4}-\d+)<\/bdi>/g)].map((m) => m[1]);
const search = async (q: string, status = "all") =>
  references(
    (await people.agent.agent.get(`/fr/staff/requests?q=${encodeURIComponent(q)}&status=${status}`)).body,
  );

const DAY = 86_400_000;
const cases: Record<string, { id: string; reference: string }> = {};

beforeAll(async () => {
  cases.road = await insertCase(db, {
    reference: "EC-2026-000123",
    subject: "إصلاح الطريق المؤدية إلى المدرسة",
    description: "الطريق مليئة بالحفر منذ أشهر.",
    contactEmail: "Amira.BenSalah@example.tn",
    contactPhone: "+21671123456",
    dueAt: new Date(Date.now() + 5 * DAY),
  });
  cases.lastYear = await insertCase(db, {
    reference: "EC-2025-000123",
    subject: "Éclairage de l'avenue Habib Bourguiba",
    description: "Les lampadaires sont ÉTEINTS.",
    status: "closed",
    outcome: "answered",
  });
  cases.water = await insertCase(db, {
    reference: "EC-2026-000777",
    subject: "انقطاع الماء في الحيّ",
    description: "لا يوجد ماء منذ ثلاثة أيام، نرجو التدخّل.",
    contactEmail: "someone@example.tn",
  });
  // Ariana's request shares the number, the words and the e-mail: it must never show at Tunis.
  cases.ariana = await insertCase(db, {
    structure: "gov-tn-12",
    reference: "EC-2026-000124",
    subject: "إصلاح الطريق في أريانة",
    contactEmail: "amira.bensalah@example.tn",
    contactPhone: "+21671123456",
  });
});

describe("reading the search box", () => {
  it.each([
    ["EC-2026-000123", { kind: "reference", year: "2026", number: "000123" }],
    ["ec 2026 000123", { kind: "reference", year: "2026", number: "000123" }],
    ["٢٠٢٦-٠٠٠١٢٣", { kind: "reference", year: "2026", number: "000123" }],
    ["EC-۲۰۲۶-۰۰۰۱۲۳", { kind: "reference", year: "2026", number: "000123" }],
    ["١٢٣", { kind: "reference", year: undefined, number: "000123" }],
    ["123", { kind: "reference", year: undefined, number: "000123" }],
    [" Amira@Example.TN ", { kind: "email", email: "amira@example.tn" }],
    ["+216 71 123 456", { kind: "phone", phone: "+21671123456" }],
    ["71 123 456", { kind: "phone", phone: "+21671123456" }],
    ["٧١ ١٢٣ ٤٥٦", { kind: "phone", phone: "+21671123456" }],
    ["الطريق  المدرسة", { kind: "words", terms: ["الطريق", "المدرسة"] }],
  ])("%s", (q, expected) => {
    expect(parseSearch(q)).toEqual(expected);
  });

  it("reads nothing in an empty box, and keeps at most eight words", () => {
    expect(parseSearch("   ")).toBeUndefined();
    expect(parseSearch("a b c d e f g h i j")).toEqual({
      kind: "words",
      terms: ["a", "b", "c", "d", "e", "f", "g", "h"],
    });
  });
});

describe("searching the queue", () => {
  it("finds a request by its reference typed with Arabic-Indic digits, or by its number alone", async () => {
    expect(await search("EC-٢٠٢٦-٠٠٠١٢٣")).toEqual([cases.road!.reference]);
    expect(await search("۲۰۲۶-۰۰۰۱۲۳")).toEqual([cases.road!.reference]);
    // Without the year: the number in every year (never Ariana's).
    expect(await search("١٢٣")).toEqual([cases.road!.reference, cases.lastYear!.reference]);
    expect(await search("EC-2026-000124")).toEqual([]);
  });

  it("finds words of the subject and text whatever the alef, hamza, teh marbuta or accents", async () => {
    // Written "المؤدية" / "إصلاح" in the request; typed "اصلاح" and "المدرسه".
    expect(await search("اصلاح المدرسه")).toEqual([cases.road!.reference]);
    expect(await search("الحفر")).toEqual([cases.road!.reference]);
    expect(await search("تدخل")).toEqual([cases.water!.reference]);
    expect(await search("eclairage eteints")).toEqual([cases.lastYear!.reference]);
    expect(await search("ÉCLAIRAGE")).toEqual([cases.lastYear!.reference]);
    // Every word must be found.
    expect(await search("اصلاح الماء")).toEqual([]);
    // LIKE's own characters are plain text.
    expect(await search("%")).toEqual([]);
  });

  it("finds requests by contact e-mail in any case and by phone however it is typed", async () => {
    expect(await search("amira.bensalah@EXAMPLE.tn")).toEqual([cases.road!.reference]);
    expect(await search("71 123 456")).toEqual([cases.road!.reference]);
    expect(await search("+216 ٧١١٢٣٤٥٦")).toEqual([cases.road!.reference]);
  });

  it("combines the search with the other filters and keeps it in the page's links", async () => {
    expect(await search("١٢٣", "closed")).toEqual([cases.lastYear!.reference]);
    expect(await search("eclairage", "open")).toEqual([]);
    const page = await people.agent.agent.get(`/fr/staff/requests?q=${encodeURIComponent("اصلاح")}`);
    // The queue's own search field keeps what was searched (every page's header also has a "q" field).
    expect(page.body).toMatch(/<input[^>]*name="q"[^>]*value="اصلاح"/);
    expect(page.body).toContain("1 requête");
    expect(page.body).toContain(`/fr/staff/requests/export.csv?structure=${home}&amp;q=`);
  });

  it("never shows another structure's requests, whatever is searched", async () => {
    for (const q of ["EC-2026-000124", "أريانة", "amira.bensalah@example.tn", "+21671123456"])
      expect(await search(q)).not.toContain(cases.ariana!.reference);
    const theirs = references(
      (await people.otherAgent.agent.get(`/fr/staff/requests?q=${encodeURIComponent("اصلاح الطريق")}`)).body,
    );
    expect(theirs).toEqual([cases.ariana!.reference]);
  });

  it("refuses an oversize search with a clear answer, not a failure", async () => {
    const response = await people.agent.agent.get(`/fr/staff/requests?q=${"a".repeat(3000)}`);
    expect(response.statusCode).toBe(400);
    expect((await people.agent.agent.get(`/fr/staff/requests?q=${"ب".repeat(500)}`)).statusCode).toBe(200);
  });
});

describe("exporting the queue", () => {
  it("downloads the filtered queue as CSV, its rows formula-safe", async () => {
    const formula = await insertCase(db, {
      reference: "EC-2026-000901",
      subject: '=HYPERLINK("http://evil.example","clic")',
      description: "Formule dans l'objet.",
    });
    const response = await people.agent.agent.get(`/fr/staff/requests/export.csv?status=all&q=901`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="requests-gov-tn-11-/);
    expect(response.headers["cache-control"]).toContain("no-store");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Référence,Objet,Type,Statut,Catégorie,Gouvernorat,Envoyée le,Date d'échéance,Échéance,Attribuée à",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(formula.reference);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(lines[1]).toContain("Réclamation,Nouvelle");
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, "case.queue.export"));
    expect(entry?.details).toEqual({ format: "csv", rows: 1 });
  });

  it("exports every request the filters keep, not only the first page", async () => {
    const response = await people.agent.agent.get("/en/staff/requests/export.csv?status=all");
    const lines = response.body.trim().split("\r\n");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(
      expect.arrayContaining([cases.road!.reference, cases.lastYear!.reference, cases.water!.reference]),
    );
    expect(response.body).not.toContain(cases.ariana!.reference);
  });

  it("renders a printable list of the filtered queue", async () => {
    const response = await people.agent.agent.get(
      `/ar/staff/requests/print?q=${encodeURIComponent("الطريق")}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('class="sh-print-list"');
    expect(response.body).toContain("قائمة للطباعة");
    expect(references(response.body)).toEqual([cases.road!.reference]);
    expect(response.body).toContain("إصلاح الطريق المؤدية إلى المدرسة");
  });

  it("never exports another structure's requests: an agent of Tunis asking for Ariana's gets 404", async () => {
    const ariana = await structureIdOf(db, "gov-tn-12");
    expect(
      (await people.agent.agent.get(`/fr/staff/requests/export.csv?structure=${ariana}`)).statusCode,
    ).toBe(404);
    expect((await people.agent.agent.get(`/fr/staff/requests/print?structure=${ariana}`)).statusCode).toBe(
      404,
    );
    const theirs = await people.otherAgent.agent.get("/fr/staff/requests/export.csv?status=all");
    expect(theirs.body).toContain(cases.ariana!.reference);
    expect(theirs.body).not.toContain(cases.road!.reference);
  });
});
