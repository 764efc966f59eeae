import { desc, eq } from "drizzle-orm";
import { outboxMessages } from "../src/core/mail/tables.js";
import type { Database } from "../src/db/client.js";

/** The mails queued for an address, newest first. */
export async function mailsTo(database: Database, address: string) {
  return database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, address))
    .orderBy(desc(outboxMessages.createdAt));
}

/** The path of the first link in the newest mail to an address (e.g. "/fr/verify-email/…"). */
export async function linkInLatestMail(database: Database, address: string): Promise<string> {
  const [mail] = await mailsTo(database, address);
  const url = mail?.textBody.match(/https?:\/\/\S+/)?.[0];
  if (!url) throw new Error(`no link in the latest mail to ${address}`);
  return new URL(url).pathname;
}
