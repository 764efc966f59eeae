import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent } from "../../../test/app.js";
import { mailsTo } from "../../../test/mail.js";
import { sendRequestForm } from "../../../test/request-form.js";
import { accounts } from "../../core/auth/tables.js";
import { outboxMessages } from "../../core/mail/tables.js";
import { notifications } from "../../core/notifications/tables.js";
import { staffPeople, staffTestApp } from "../cases/workspace/testing.js";
import { integrityReports } from "../integrity/tables.js";
import { dataExportsJob } from "./data-export/exports.js";
import { dataExports } from "./tables.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

/** Every text-like column of every table (any schema but PostgreSQL's own), that still holds `needle`. */
async function columnsHolding(needle: string): Promise<string[]> {
  const columns = await database.query<{ table_schema: string; table_name: string; column_name: string }>(
    `select c.table_schema, c.table_name, c.column_name
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema')
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))`,
  );
  expect(columns.length).toBeGreaterThan(100);
  const found: string[] = [];
  for (const { table_schema, table_name, column_name } of columns) {
    const [row] = await database.query<{ n: number }>(
      `select count(*)::int as n from "${table_schema}"."${table_name}"
        where position(lower($1) in lower("${column_name}"::text)) > 0`,
      [needle],
    );
    if (row!.n > 0) found.push(`${table_schema}.${table_name}.${column_name}`);
  }
  return found;
}

describe("erasure: deleting an account", () => {
  it.each(["anonymise", "remove"])(
    "(%s) leaves the person's e-mail, phone and name in no table, and nothing more is mailed to them",
    async (mode) => {
      const email = `zeineb.erasure.${mode}.${Date.now()}@example.tn`;
      const name = `Zeineb Effacée ${mode}`;
      const phone = mode === "remove" ? "+21698765431" : "+21698765432";
      const { agent: person, account } = await signedInAgent(app, database, { email, displayName: name });
      await db.update(accounts).set({ phone }).where(eq(accounts.id, account.id));

      // A request filed through the form, answered by an agent (mails to them are queued) …
      const filed = await sendRequestForm(app, person, "fr", {
        type: "complaint",
        structure: "gov-tn-11",
        subject: `Éclairage éteint (${mode})`,
        description: "Les lampadaires de l’avenue sont éteints depuis dix jours, la nuit est dangereuse.",
        governorate: "TN-11",
        contactPhone: phone.replace("+216", ""),
      });
      expect(filed.statusCode).toBe(303);
      const [filedCase] = await database.query<{ id: string; contact_email: string; contact_phone: string }>(
        "select id, contact_email, contact_phone from cases where submitter_id = $1",
        [account.id],
      );
      expect(filedCase).toMatchObject({ contact_email: email, contact_phone: phone });
      const reply = await people.agent.agent.post(`/fr/staff/requests/${filedCase!.id}/reply`, {
        body: "Réparation prévue jeudi.",
      });
      expect(reply.statusCode).toBe(303);
      // … a copy of their data, prepared and mailed …
      expect((await person.post("/fr/account/data")).statusCode).toBe(303);
      await dataExportsJob.run(db, new Date(), {
        publicUrl: app.config.publicUrl,
        secret: app.config.cookieSecret,
        features: app.features,
        files: app.files,
      });
      // … and one more mail still waiting to be sent when they delete their account.
      expect((await mailsTo(database, email)).length).toBeGreaterThanOrEqual(2);
      await db
        .insert(outboxMessages)
        .values({ toAddress: email, subject: "later", textBody: `Bonjour ${name}` });
      await db.insert(integrityReports).values({
        receivedOn: "2026-12-01",
        dueOn: "2027-01-01",
        updatedOn: "2026-12-01",
        receiptHash: `receipt-${mode}`,
        whistleblowerSalt: "salt",
        whistleblowerPublicKey: "pk",
        contentKeyId: crypto.randomUUID(),
        content: "sealed",
      });
      const before = await columnsHolding(email);
      expect(before).toEqual(expect.arrayContaining(["public.accounts.email", "public.cases.contact_email"]));
      expect(await columnsHolding(name)).toEqual(
        expect.arrayContaining(["public.accounts.display_name", "public.cases.contact_name"]),
      );
      expect(await columnsHolding(phone)).toEqual(expect.arrayContaining(["public.cases.contact_phone"]));

      // A report in the integrity channel (which never knows who filed it) is not touched.
      const reportsBefore = await database.query<{ id: string; content: string }>(
        "select id, content from integrity_reports order by id",
      );
      expect(reportsBefore.length).toBeGreaterThan(0);
      // The agent's reply is in their notification centre.
      expect(
        await db.select().from(notifications).where(eq(notifications.accountId, account.id)),
      ).not.toEqual([]);
      const deleted = await person.post("/fr/account/delete", { mode, confirm: TEST_PASSWORD });
      expect(deleted.statusCode).toBe(303);

      expect(await columnsHolding(email)).toEqual([]);
      expect(await database.query("select id, content from integrity_reports order by id")).toEqual(
        reportsBefore,
      );
      expect(await columnsHolding(phone)).toEqual([]);
      expect(await columnsHolding(phone.replace("+216", ""))).toEqual([]);
      expect(await columnsHolding(name)).toEqual([]);
      // No mail waits for them, and no copy of their data is kept.
      expect(await mailsTo(database, email)).toEqual([]);
      expect(await db.select().from(dataExports).where(eq(dataExports.accountId, account.id))).toEqual([]);
      expect(await db.select().from(notifications).where(eq(notifications.accountId, account.id))).toEqual(
        [],
      );
      // Their request stays for the structure's records, without anything that names them.
      const [kept] = await database.query<Record<string, unknown>>("select * from cases where id = $1", [
        filedCase!.id,
      ]);
      expect(kept).toMatchObject({ contact_name: null, contact_email: null, contact_phone: null });
      expect((await new Agent(app).get("/fr/legal/privacy")).statusCode).toBe(200);
    },
  );
});
