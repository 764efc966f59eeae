import { and, eq, isNull, like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { structures } from "../../../core/structures/tables.js";
import { findStructureByCode } from "../queries.js";
import { GOVERNORATES } from "../reference-data.js";
import { IMPORT_COLUMNS, ImportFileError, importStructures } from "./import-structures.js";

const database = await openTestDatabase();
const db = database.db;
afterAll(() => database.close());

const HEADER = IMPORT_COLUMNS.join(",");
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvRow = (cells: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>) =>
  IMPORT_COLUMNS.map((c) => csvCell(cells[c] ?? "")).join(",");

/** 500 rows: 497 municipalities under the 24 governorates, and 3 bad rows at known lines. */
function bigFile() {
  const rows: string[] = [];
  const bad = new Map<number, string>([
    [101, csvRow({ code: "mun-bad-kind", kind: "village", parent_code: "gov-tn-11", name_fr: "Village" })],
    [
      251,
      csvRow({
        code: "mun-bad-parent",
        kind: "municipality",
        parent_code: "gov-tn-99",
        name_fr: "Orpheline",
      }),
    ],
    [
      401,
      csvRow({
        code: "mun-bad-email",
        kind: "municipality",
        parent_code: "gov-tn-12",
        name_fr: "X",
        email: "contact@",
      }),
    ],
  ]);
  let k = 0;
  for (let index = 0; rows.length < 500; index += 1) {
    const line = rows.length + 2; // the header is line 1
    const badRow = bad.get(line);
    if (badRow) {
      rows.push(badRow);
      continue;
    }
    const gov = GOVERNORATES[index % GOVERNORATES.length]!;
    k = Math.floor(index / GOVERNORATES.length) + 1;
    const slug = gov.code.toLowerCase();
    rows.push(
      csvRow({
        code: `mun-${slug}-${k}`,
        kind: "municipality",
        parent_code: `gov-${slug}`,
        governorate_code: gov.code,
        name_ar: `بلدية ${gov.name.ar} رقم ${k}`,
        name_fr: `Municipalité de ${gov.name.fr} n°${k}`,
        name_en: `Municipality of ${gov.name.en} No. ${k}`,
        summary_fr: k === 1 ? "Services de proximité, état civil et propreté." : "",
        phone: k === 1 ? `71 000 0${String(index).padStart(2, "0")}` : "",
        email: k === 1 ? `contact@${slug}-${k}.example.tn` : "",
        website: k === 1 ? `https://${slug}-${k}.example.tn` : "",
      }),
    );
  }
  return [HEADER, ...rows].join("\n");
}

describe("importing structures from CSV", () => {
  const file = bigFile();

  it("lands the 497 valid rows of 500 and reports the 3 bad ones with their line and reason", async () => {
    const progress: number[] = [];
    const report = await importStructures(db, file, { onProgress: (done) => progress.push(done) });
    expect(report).toMatchObject({ rows: 500, created: 497, updated: 0, unchanged: 0 });
    expect(progress.at(-1)).toBe(500);
    expect(report.invalid).toEqual([
      { line: 101, code: "mun-bad-kind", reason: expect.stringMatching(/^kind: "village" is not one of/) },
      {
        line: 251,
        code: "mun-bad-parent",
        reason: expect.stringContaining('parent_code: no structure "gov-tn-99"'),
      },
      {
        line: 401,
        code: "mun-bad-email",
        reason: "email: Enter a valid email address, such as contact@example.tn",
      },
    ]);
    const sfax = (await findStructureByCode(db, "mun-tn-61-1"))!;
    expect(sfax.name).toEqual({
      ar: "بلدية صفاقس رقم 1",
      fr: "Municipalité de Sfax n°1",
      en: "Municipality of Sfax No. 1",
    });
    expect(sfax.parentId).toBe((await findStructureByCode(db, "gov-tn-61"))!.id);
    expect(sfax.contact.phone).toMatch(/^\+21671000/);
    expect(await findStructureByCode(db, "mun-bad-email")).toBeNull();
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "structure.import"), isNull(auditEvents.actorId)));
    expect(events.length).toBe(497);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await db.select().from(structures).where(like(structures.code, "mun-tn-%-%"));
    const report = await importStructures(db, file);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 497 });
    expect(report.invalid.map((r) => r.line)).toEqual([101, 251, 401]);
    const after = await db.select().from(structures).where(like(structures.code, "mun-tn-%-%"));
    expect(after.map((s) => s.updatedAt.getTime()).sort()).toEqual(
      before.map((s) => s.updatedAt.getTime()).sort(),
    );
  });

  it("updates a changed row, keeps the stored address, and counts it", async () => {
    const tunis = (await findStructureByCode(db, "mun-tn-11"))!;
    const report = await importStructures(
      db,
      [
        HEADER,
        csvRow({
          code: "mun-tn-11",
          kind: "municipality",
          parent_code: "gov-tn-11",
          governorate_code: "TN-11",
          name_ar: "بلدية تونس",
          name_fr: "Municipalité de Tunis",
          name_en: "Municipality of Tunis",
          email: "contact@tunis.example.tn",
        }),
      ].join("\n"),
    );
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0, invalid: [] });
    const saved = (await findStructureByCode(db, "mun-tn-11"))!;
    expect(saved.contact.email).toBe("contact@tunis.example.tn");
    expect(saved.contact.address).toEqual(tunis.contact.address);
    expect(saved.summary).toEqual({});
  });

  it("accepts a parent from an earlier line, refuses one from a later line, and numbers lines across quoted line breaks", async () => {
    const report = await importStructures(
      db,
      [
        HEADER,
        csvRow({
          code: "child-first",
          kind: "regional_directorate",
          parent_code: "later-parent",
          name_fr: "Enfant",
        }),
        csvRow({ code: "later-parent", kind: "ministry", name_fr: "Parent", summary_fr: "Deux\nlignes" }),
        csvRow({
          code: "child-after",
          kind: "regional_directorate",
          parent_code: "later-parent",
          name_fr: "Enfant",
        }),
        "",
        csvRow({ code: "later-parent", kind: "ministry", name_fr: "Doublon" }),
        csvRow({ code: "Bad Code!", kind: "ministry", name_fr: "X" }),
        csvRow({ code: "no-name", kind: "ministry" }),
      ].join("\r\n"),
    );
    expect(report.created).toBe(2);
    expect(report.invalid).toEqual([
      { line: 2, code: "child-first", reason: expect.stringContaining("parent_code") },
      { line: 7, code: "later-parent", reason: 'code: "later-parent" already appears on line 3' },
      { line: 8, code: "bad code!", reason: expect.stringContaining("code: must be") },
      { line: 9, code: "no-name", reason: "name: Enter the name in at least one language" },
    ]);
    expect((await findStructureByCode(db, "child-after"))?.parentId).toBe(
      (await findStructureByCode(db, "later-parent"))?.id,
    );
  });

  it("refuses to put a structure under its own descendant", async () => {
    const report = await importStructures(
      db,
      [
        HEADER,
        csvRow({ code: "gov-tn-11", kind: "governorate", parent_code: "mun-tn-11", name_fr: "Tunis" }),
      ].join("\n"),
    );
    expect(report.invalid[0]?.reason).toContain("under itself or one of its descendants");
    expect((await findStructureByCode(db, "gov-tn-11"))?.parentId).toBe(
      (await findStructureByCode(db, "min-interior"))?.id,
    );
  });

  it("leaves nothing of a row that fails half-way, and still imports the others", async () => {
    // The audit insert (the row's last write) fails for this one code: its structure must roll back.
    await database.exec(`
      create function refuse_half_way() returns trigger language plpgsql as $$
      begin
        if new.details->>'code' = 'mun-half-way' then raise exception 'disk full'; end if;
        return new;
      end $$;
      create trigger refuse_half_way before insert on audit_events
        for each row execute function refuse_half_way();`);
    try {
      const report = await importStructures(
        db,
        [
          HEADER,
          csvRow({ code: "mun-half-way", kind: "municipality", parent_code: "gov-tn-83", name_fr: "Moitié" }),
          csvRow({ code: "mun-whole", kind: "municipality", parent_code: "gov-tn-83", name_fr: "Entière" }),
        ].join("\n"),
      );
      expect(report.created).toBe(1);
      expect(report.invalid).toEqual([
        { line: 2, code: "mun-half-way", reason: expect.stringContaining("could not be saved") },
      ]);
      expect(await findStructureByCode(db, "mun-half-way")).toBeNull();
      expect(await findStructureByCode(db, "mun-whole")).not.toBeNull();
    } finally {
      await database.exec("drop trigger refuse_half_way on audit_events; drop function refuse_half_way();");
    }
  });

  it("refuses a file without the expected columns, importing nothing", async () => {
    await expect(importStructures(db, "code,kind\nx-y,ministry\n")).rejects.toBeInstanceOf(ImportFileError);
    expect(await findStructureByCode(db, "x-y")).toBeNull();
  });
});
