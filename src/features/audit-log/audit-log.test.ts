import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { audit } from "../../core/audit/record.js";
import { auditEvents } from "../../core/audit/tables.js";
import { structureId } from "../staff/testing.js";
import { auditEventChunks } from "./queries.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const sfax = await structureId(database, "gov-tn-61");

roleMatrix("audit log", testApp, [
  { method: "GET", url: "/fr/admin/audit", expect: { anonymous: 303, platform_admin: 200, otherwise: 403 } },
  {
    method: "GET",
    url: "/fr/admin/audit.csv",
    expect: { anonymous: 303, platform_admin: 200, otherwise: 403 },
  },
  {
    method: "GET",
    url: "/fr/admin/audit?from=yesterday",
    expect: { anonymous: 303, platform_admin: 422, otherwise: 403 },
  },
]);

describe("the audit log", () => {
  it("shows who did what, when, on which record, in which structure, newest first", async () => {
    const { agent, account } = await signedInAgent(app, database, {
      platformAdmin: true,
      displayName: "Olfa Admin",
    });
    await audit(
      database.db,
      { action: "membership.grant", subjectType: "membership", subjectId: "m-1", structureId: sfax },
      undefined,
      account.id,
    );
    await audit(database.db, {
      action: "case.unknown_thing",
      subjectType: "case",
      subjectId: "c-2",
      structureId: sfax,
    });
    const page = await agent.get(`/en/admin/audit?structure=${sfax}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain("2 events");
    // Newest first: the system's event, with its raw code (no label), then the grant.
    const table = body.slice(body.indexOf("<table"));
    expect(table.indexOf("case.unknown_thing")).toBeLessThan(table.indexOf("Role granted"));
    expect(body).toContain("The system");
    expect(body).toContain("Olfa Admin");
    expect(body).toContain("membership m-1");
    expect(body).toContain("Governorate of Sfax");
    const ar = await agent.get(`/ar/admin/audit?structure=${sfax}`);
    expect(ar.body).toContain("حدثان");
    expect(ar.body).toContain("إسناد دور");
  });

  it("re-renders the filters with a message for each wrong one", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const response = await agent.get("/fr/admin/audit?from=2026-13-01&actor=personne");
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#from"');
    expect(response.body).toContain('href="#actor"');
    expect(response.body).toContain('value="personne"');
  });

  it("exports as CSV exactly the events the filtered page shows, and audits the export", async () => {
    const { agent, account } = await signedInAgent(app, database, {
      platformAdmin: true,
      displayName: "ليلى بن صالح",
    });
    const kairouan = await structureId(database, "gov-tn-41");
    for (let i = 0; i < 5; i++)
      await audit(
        database.db,
        {
          action: i % 2 ? "membership.revoke" : "membership.grant",
          subjectType: "membership",
          subjectId: `k-${i}`,
          structureId: kairouan,
        },
        undefined,
        account.id,
      );
    await audit(
      database.db,
      { action: "membership.grant", subjectType: "membership", subjectId: "elsewhere", structureId: sfax },
      undefined,
      account.id,
    );
    const query = `?action=membership.grant&structure=${kairouan}&actor=${encodeURIComponent(account.email!.toUpperCase())}`;
    const page = await agent.get(`/en/admin/audit${query}`);
    const shown = [...page.body.matchAll(/membership (k-\d)/g)].map((m) => m[1]);
    expect(shown).toEqual(["k-4", "k-2", "k-0"]);
    const link = /href="(\/en\/admin\/audit\.csv[^"]*)"/.exec(page.body)?.[1]?.replaceAll("&amp;", "&");
    expect(new URLSearchParams(link?.split("?")[1]).toString()).toBe(
      new URLSearchParams(
        `action=membership.grant&actor=${account.email!.toUpperCase()}&structure=${kairouan}`,
      ).toString(),
    );

    const csv = await agent.get(`/en/admin/audit.csv${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toMatch(
      /^attachment; filename="sharek-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain("\r\n");
    const records = parse(csv.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => r.subject_id)).toEqual(shown);
    expect(records[0]).toMatchObject({
      action: "membership.grant",
      action_label: "Role granted",
      actor_name: "ليلى بن صالح",
      structure_name: "Governorate of Kairouan",
    });

    const exports = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "audit.export"), eq(auditEvents.actorId, account.id)));
    expect(exports).toHaveLength(1);
    const exported = exports[0];
    expect(exported?.details).toMatchObject({
      action: "membership.grant",
      actorFiltered: true,
      structureId: kairouan,
    });
    expect(JSON.stringify(exported?.details)).not.toContain("@");
  });

  it("neutralises spreadsheet formulas in exported names", async () => {
    const { agent, account } = await signedInAgent(app, database, {
      platformAdmin: true,
      displayName: '=HYPERLINK("x")',
    });
    const gabes = await structureId(database, "gov-tn-81");
    await audit(
      database.db,
      { action: "membership.grant", subjectType: "membership", subjectId: "f-1", structureId: gabes },
      undefined,
      account.id,
    );
    const csv = await agent.get(`/en/admin/audit.csv?structure=${gabes}`);
    const [record] = parse(csv.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(record?.actor_name).toBe('\'=HYPERLINK("x")');
  });

  it("reads every matching event in keyset chunks, none twice and none missed", async () => {
    const nabeul = await structureId(database, "gov-tn-21");
    // Same timestamp for all (one transaction): only the id breaks ties.
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 25; i++)
        await audit(tx, {
          action: "structure.update",
          subjectType: "structure",
          subjectId: `n-${i}`,
          structureId: nabeul,
        });
    });
    const seen: string[] = [];
    let chunks = 0;
    for await (const chunk of auditEventChunks(database.db, { structureId: nabeul }, 10)) {
      chunks += 1;
      seen.push(...chunk.map((r) => r.subjectId!));
    }
    expect(chunks).toBe(3);
    expect(new Set(seen).size).toBe(25);
  });

  it("is append-only: the database refuses to change or erase an event", async () => {
    await audit(database.db, { action: "settings.update", subjectType: "platform_settings" });
    await expect(database.query("update audit_events set action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(database.query("delete from audit_events")).rejects.toThrow(/append-only/);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "forged"));
    expect(rows).toHaveLength(0);
  });
});
