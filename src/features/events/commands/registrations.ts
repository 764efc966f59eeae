import { and, asc, eq, sql } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { translator } from "../../../core/i18n/catalog.js";
import { formatEventTime } from "../../../core/i18n/format.js";
import { isLocale, pickLocalized } from "../../../core/i18n/localized.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import { type Db, rowsOf } from "../../../db/client.js";
import { eventRegistrations, events } from "../tables.js";

export type RegisterOutcome = "confirmed" | "waiting" | "already" | "closed";

/** Where links in mails point: the app's public address ("https://sharek.tn"). */
export interface EventMailSettings {
  publicUrl: string;
}

/**
 * Registers a person: a place while there is one, else the end of the waiting list. The event's
 * row is locked, so two people cannot take the last place at once. A cancelled registration
 * comes back at the end of the line.
 */
export async function registerForEvent(
  db: Db,
  eventId: string,
  accountId: string,
  settings: EventMailSettings,
  now: Date = new Date(),
): Promise<RegisterOutcome> {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event || event.cancelledAt || event.startsAt <= now) return "closed";
    const [existing] = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.accountId, accountId)));
    if (existing && existing.status !== "cancelled") return "already";
    const [{ confirmed }] = (await tx
      .select({ confirmed: sql<number>`count(*)::int` })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed")))) as [
      { confirmed: number },
    ];
    const status = confirmed < event.capacity ? "confirmed" : "waiting";
    const values = { status, queuedAt: now, cancelledAt: null, promotedAt: null, remindedAt: null } as const;
    if (existing)
      await tx.update(eventRegistrations).set(values).where(eq(eventRegistrations.id, existing.id));
    else await tx.insert(eventRegistrations).values({ eventId, accountId, ...values });
    await mailPerson(tx, accountId, event, status === "confirmed" ? "confirmed" : "waiting", settings);
    return status;
  });
}

/**
 * Cancels a person's registration; a place it frees goes to the first on the waiting list, who is
 * told by mail. False when there was nothing to cancel.
 */
export async function cancelRegistration(
  db: Db,
  eventId: string,
  accountId: string,
  settings: EventMailSettings,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event) return false;
    const [cancelled] = await tx
      .update(eventRegistrations)
      .set({ status: "cancelled", cancelledAt: now })
      .where(
        and(
          eq(eventRegistrations.eventId, eventId),
          eq(eventRegistrations.accountId, accountId),
          sql`${eventRegistrations.status} <> 'cancelled'`,
        ),
      )
      .returning({ id: eventRegistrations.id });
    if (!cancelled) return false;
    await fillFreePlaces(tx, event, settings, now);
    return true;
  });
}

/**
 * Gives free places to the waiting list, first come first served, and tells each person promoted.
 * Call with the event's row locked (after a cancellation or a larger capacity).
 */
export async function fillFreePlaces(
  tx: Db,
  event: typeof events.$inferSelect,
  settings: EventMailSettings,
  now: Date = new Date(),
): Promise<number> {
  if (event.cancelledAt || event.startsAt <= now) return 0;
  const rows = rowsOf<{ account_id: string }>(
    await tx.execute(sql`
    update ${eventRegistrations} set status = 'confirmed', promoted_at = ${now}, updated_at = ${now}
    where id in (
      select id from ${eventRegistrations}
      where event_id = ${event.id} and status = 'waiting'
      order by queued_at, id
      limit greatest(0, ${event.capacity} - (
        select count(*) from ${eventRegistrations} where event_id = ${event.id} and status = 'confirmed'
      ))
    )
    returning account_id`),
  );
  for (const row of rows) await mailPerson(tx, row.account_id, event, "promoted", settings);
  return rows.length;
}

/** The accounts on the waiting list, in the order they will be served. */
export async function waitingLine(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ accountId: eventRegistrations.accountId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "waiting")))
    .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id));
  return rows.map((r) => r.accountId);
}

export type EventMail = "confirmed" | "waiting" | "promoted" | "reminder" | "cancelled";

/** Mails a registered person about an event, in their language, with links to its page and .ics. */
export async function mailPerson(
  db: Db,
  accountId: string,
  event: typeof events.$inferSelect,
  kind: EventMail,
  settings: EventMailSettings,
): Promise<void> {
  const [person] = await db
    .select({ email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!person?.email) return;
  const locale = isLocale(person.locale) ? person.locale : "ar";
  const t = translator(locale);
  const values = {
    title: pickLocalized(event.title, locale).text,
    when: formatEventTime(event.startsAt, locale),
    url: `${settings.publicUrl}/${locale}/events/${event.id}`,
    ics: `${settings.publicUrl}/${locale}/events/${event.id}/calendar.ics`,
    reason: event.cancelReason ?? "",
  };
  await enqueueMail(db, {
    to: person.email,
    subject: t(`events.mail.${kind}.subject`, values),
    text: t(`events.mail.${kind}.body`, values),
  });
}
