import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Actor } from "../authz/actor.js";
import {
  NOTIFICATION_FREQUENCIES,
  type NotificationChoice,
  type NotificationFrequency,
  type NotificationKind,
} from "./notify.js";
import { notificationPreferences } from "./tables.js";

/** The kinds offered to this person on their preferences page (staff kinds to staff only). */
export const kindsShownTo = (kinds: Iterable<NotificationKind>, actor: Actor): NotificationKind[] =>
  [...kinds].filter((kind) => kind.shownTo?.(actor) ?? true);

/** A person's choice for a kind: what they saved, else the kind's defaults; what its feature keeps wins. */
export async function choiceFor(
  db: Db,
  accountId: string,
  kind: NotificationKind,
): Promise<NotificationChoice> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.accountId, accountId), eq(notificationPreferences.kind, kind.id)));
  const base: NotificationChoice = {
    centre: true,
    email: kind.choices.email,
    sms: false,
    frequency: kind.choices.frequencies[0] ?? "instant",
    ...kind.defaults,
  };
  const saved = row ? { centre: row.centre, email: row.email, sms: row.sms, frequency: row.frequency } : {};
  return { ...base, ...saved, ...((await kind.stored?.read(db, accountId)) ?? {}) };
}

/**
 * Saves a person's choices from the preferences form (`<kind>.channels` checkboxes: "centre",
 * "email", "sms"; `<kind>.frequency`), for every kind: a channel or rhythm the kind
 * does not offer is never stored as chosen. Returns false, saving nothing, for a rhythm not on the
 * kind's list.
 */
export async function saveChoices(
  db: Db,
  accountId: string,
  kinds: readonly NotificationKind[],
  form: Record<string, unknown>,
): Promise<boolean> {
  const choices: Array<[NotificationKind, NotificationChoice]> = [];
  for (const kind of kinds) {
    const channels = [form[`${kind.id}.channels`] ?? []].flat();
    const checked = (channel: string) => channels.includes(channel);
    const asked = form[`${kind.id}.frequency`] ?? kind.choices.frequencies[0] ?? "instant";
    if (
      !NOTIFICATION_FREQUENCIES.includes(asked as NotificationFrequency) ||
      !kind.choices.frequencies.includes(asked as NotificationFrequency)
    )
      return false;
    choices.push([
      kind,
      {
        centre: kind.choices.centre !== false && checked("centre"),
        email: kind.choices.email && checked("email"),
        sms: kind.choices.sms && checked("sms"),
        frequency: asked as NotificationFrequency,
      },
    ]);
  }
  for (const [kind, choice] of choices) {
    await db
      .insert(notificationPreferences)
      .values({ accountId, kind: kind.id, ...choice })
      .onConflictDoUpdate({
        target: [notificationPreferences.accountId, notificationPreferences.kind],
        set: { ...choice, updatedAt: new Date() },
      });
    await kind.stored?.save(db, accountId, choice);
  }
  return true;
}

/**
 * Turns e-mail off for one kind, as the preferences page would record it (an unsubscribe link),
 * keeping the person's other choices for it.
 */
export async function turnEmailOff(db: Db, accountId: string, kind: NotificationKind): Promise<void> {
  const choice: NotificationChoice = { ...(await choiceFor(db, accountId, kind)), email: false };
  await db
    .insert(notificationPreferences)
    .values({ accountId, kind: kind.id, ...choice })
    .onConflictDoUpdate({
      target: [notificationPreferences.accountId, notificationPreferences.kind],
      set: { email: false, updatedAt: new Date() },
    });
  await kind.stored?.save(db, accountId, choice);
}
