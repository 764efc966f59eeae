import { and, desc, eq, sql } from "drizzle-orm";
import { findAccountByEmail } from "../../core/auth/accounts.js";
import { notify } from "../../core/notifications/notify.js";
import { notifications } from "../../core/notifications/tables.js";
import type { Db } from "../../db/client.js";
import { cases } from "../cases/tables.js";
import { consultations } from "../consultations/tables.js";
import { subscriptions } from "../subscriptions/tables.js";

const HOUR = 3_600_000;

/**
 * The demo citizen's notification centre: replies and a status change on their own requests (one
 * read already), and news of the consultation they follow. Stored as kinds and params, so each
 * reads in the visitor's language (ar, fr, en) when the page is shown.
 */
export async function seedDemoNotifications(db: Db): Promise<string[]> {
  const citizen = await findAccountByEmail(db, "citizen@demo.sharek.tn");
  if (!citizen) return [];
  const own = await db
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .where(eq(cases.submitterId, citizen.id))
    .orderBy(desc(cases.createdAt))
    .limit(2);
  const [followed] = await db
    .select({ id: consultations.id, title: consultations.title })
    .from(subscriptions)
    .innerJoin(consultations, eq(sql`${consultations.id}::text`, subscriptions.target))
    .where(and(eq(subscriptions.accountId, citizen.id), eq(subscriptions.kind, "consultation")))
    .limit(1);
  const [first, second] = own;
  if (second)
    await notify(db, citizen.id, "request-update", {
      params: { notice: "inProgress", reference: second.reference },
      link: `/requests/${second.id}`,
    });
  if (followed)
    await notify(db, citizen.id, "followed-news", {
      params: { title: { text: followed.title } },
      link: `/consultations/${followed.id}`,
    });
  if (first)
    await notify(db, citizen.id, "request-update", {
      params: { notice: "replied", reference: first.reference },
      link: `/requests/${first.id}`,
    });
  // Spread over the last days, the oldest one already read.
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.accountId, citizen.id))
    .orderBy(notifications.id);
  for (const [i, row] of rows.entries()) {
    const createdAt = new Date(Date.now() - (rows.length - i) * 20 * HOUR);
    await db
      .update(notifications)
      .set({ createdAt, readAt: i === 0 && rows.length > 1 ? new Date(createdAt.getTime() + HOUR) : null })
      .where(eq(notifications.id, row.id));
  }
  return [];
}
