import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { TEST_COOKIE_SECRET } from "../../../../test/app.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { outboxMessages } from "../../../core/mail/tables.js";
import type { Database } from "../../../db/client.js";
import { caseEvents } from "../tables.js";

/** What the runner gives a job: the app's address, and the test apps' secret (so unsubscribe links work there). */
export const ENV = { publicUrl: "https://sharek.test", secret: TEST_COOKIE_SECRET, features: [] };

/** A private database for the file's tests, closed after them. */
export async function jobTestDatabase(): Promise<Database> {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  return database;
}

/**
 * The people around the Governorate of Tunis (gov-tn-11): its assignee, a colleague, its structure
 * admin, and an admin of the central office (bcrc), each with their own address.
 */
export async function deadlinePeople(database: Database, tag: string) {
  const as = (name: string, structure: string, role: "agent" | "structure_admin", locale = "fr") =>
    createAccount(database, {
      email: `${name}.${tag}@example.tn`,
      displayName: name,
      roles: [{ structure, role }],
    }).then(async (account) => {
      if (locale !== "ar") {
        await database.query("update accounts set locale = $1 where id = $2", [locale, account.id]);
      }
      return { ...account, email: account.email! };
    });
  return {
    assignee: await as("assignee", "gov-tn-11", "agent"),
    colleague: await as("colleague", "gov-tn-11", "agent"),
    admin: await as("admin", "gov-tn-11", "structure_admin", "en"),
    office: await as("office", "bcrc", "structure_admin", "ar"),
  };
}

/** How many mails are queued to each address (every address asked, zeros included). */
export async function mailCounts(database: Database, addresses: string[]): Promise<Record<string, number>> {
  const rows = await database.db
    .select({ to: outboxMessages.toAddress })
    .from(outboxMessages)
    .where(inArray(outboxMessages.toAddress, addresses));
  const counts = Object.fromEntries(addresses.map((a) => [a, 0]));
  for (const r of rows) counts[r.to] = (counts[r.to] ?? 0) + 1;
  return counts;
}

/** The deadline job's events of a request ("reminded" and "escalated"), oldest first. */
export async function deadlineEvents(database: Database, caseId: string) {
  return database.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), inArray(caseEvents.kind, ["reminded", "escalated"])))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}
