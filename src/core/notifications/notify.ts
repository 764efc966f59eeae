import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Actor } from "../authz/actor.js";
import type { Translate } from "../i18n/catalog.js";
import { formatDate, formatDateTime } from "../i18n/format.js";
import { type Locale, type LocalizedText, pickLocalized } from "../i18n/localized.js";
import { notificationPreferences, notifications } from "./tables.js";

/**
 * One value a notification's text takes, resolved in the reader's language when they read it:
 * plain text or a number (a reference), a text in each language (a consultation's title), an i18n
 * key (a status, an outcome), or an instant (ISO, shown as a date or a date and time).
 */
export type NotificationParam =
  | string
  | number
  | { text: LocalizedText }
  | { key: string }
  | { date: string }
  | { dateTime: string };
export type NotificationParams = Record<string, NotificationParam>;

/** What a notification says and where it leads: params of its kind's message, and a locale-relative path. */
export interface NotificationPayload {
  params?: NotificationParams;
  /** Locale-relative path of what it is about ("/requests/…"); opened from the notification centre. */
  link: string;
}

/** How often news of a kind comes by e-mail: at once, or gathered daily or weekly. */
export type NotificationFrequency = "instant" | "daily" | "weekly";
export const NOTIFICATION_FREQUENCIES: readonly NotificationFrequency[] = ["instant", "daily", "weekly"];

/** A person's choice for one kind: which channels bring it, and how often e-mail does. */
export interface NotificationChoice {
  centre: boolean;
  email: boolean;
  sms: boolean;
  frequency: NotificationFrequency;
}

/**
 * A kind of notification a feature writes (manifest `notificationKinds`): its id, what the
 * preferences and the list call it, and which of its messages says one of them (from its params).
 */
export interface NotificationKind {
  /** Stable id, letters, digits and hyphens ("request-update"): stored with each notification. */
  id: string;
  /** A short name of the kind ("Replies and status changes of your requests"). */
  labelKey: string;
  /** A line under the name on the preferences page, saying more of what the kind covers. */
  hintKey?: string;
  /**
   * Who is offered the kind on their preferences page (staff only, for requests handed to them);
   * everyone signed in unless said. Whoever is not offered it keeps their choice, never overwritten.
   */
  shownTo?(actor: Actor): boolean;
  /** The i18n key of one notification's line, given its params (its values are the resolved params). */
  messageKey(params: NotificationParams): string;
  /**
   * What a person may choose on their preferences page: the channels the feature sends this kind
   * by beyond the notification centre (`centre: false` for a kind sent by mail only, never written
   * into the centre), and the e-mail rhythms it honours (the first is the default).
   */
  choices: {
    centre?: boolean;
    email: boolean;
    sms: boolean;
    frequencies: readonly NotificationFrequency[];
  };
  /** The choice of someone who never made one (centre and e-mail on, SMS off, unless said). */
  defaults?: Partial<NotificationChoice>;
  /**
   * A feature that already keeps part of the choice where its sending reads it (followed news: the
   * digests' rhythm) reads and writes that part here, so there is one source of truth.
   */
  stored?: {
    read(db: Db, accountId: string): Promise<Partial<NotificationChoice>>;
    save(db: Db, accountId: string, choice: NotificationChoice): Promise<void>;
  };
}

/**
 * Writes a notification into a person's notification centre. Call it inside the transaction of
 * the event that causes it (with the mail it goes with), so neither is kept without the other.
 */
export async function notify(
  db: Db,
  accountId: string,
  kind: string,
  payload: NotificationPayload,
): Promise<void> {
  if ((await turnedOff(db, [accountId], kind, "centre")).has(accountId)) return;
  await db
    .insert(notifications)
    .values({ accountId, kind, params: payload.params ?? {}, link: payload.link });
}

/** Which of these accounts turned a channel of this kind off on their preferences page. */
export async function turnedOff(
  db: Db,
  accountIds: readonly string[],
  kind: string,
  channel: "centre" | "email",
): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .select({ accountId: notificationPreferences.accountId })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.kind, kind),
        inArray(notificationPreferences.accountId, [...accountIds]),
        eq(notificationPreferences[channel], false),
      ),
    );
  return new Set(rows.map((r) => r.accountId));
}

/** Whether a person chose SMS for this kind (off unless they did). */
export async function wantsSms(db: Db, accountId: string, kind: string): Promise<boolean> {
  const [row] = await db
    .select({ sms: notificationPreferences.sms })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.accountId, accountId), eq(notificationPreferences.kind, kind)));
  return row?.sms ?? false;
}

/** Rows per insert when one piece of news reaches many people. */
const FAN_OUT_BATCH = 1000;

/**
 * Writes the same notification for each of these accounts (the followers of something that has
 * news), in inserts of a bounded size, in the caller's transaction.
 */
export async function notifyEach(
  db: Db,
  accountIds: readonly string[],
  kind: string,
  payload: NotificationPayload,
): Promise<void> {
  for (let i = 0; i < accountIds.length; i += FAN_OUT_BATCH) {
    const batch = accountIds.slice(i, i + FAN_OUT_BATCH);
    const off = await turnedOff(db, batch, kind, "centre");
    const told = batch.filter((id) => !off.has(id));
    if (told.length === 0) continue;
    await db.insert(notifications).values(
      told.map((accountId) => ({
        accountId,
        kind,
        params: payload.params ?? {},
        link: payload.link,
      })),
    );
  }
}

/** How many of a person's notifications they have not read yet (the header's badge). */
export async function countUnread(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The values of a notification's message, in the reader's language. */
export function notificationValues(
  params: NotificationParams,
  locale: Locale,
  t: Translate,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string" || typeof value === "number") values[name] = value;
    else if ("text" in value) values[name] = pickLocalized(value.text, locale).text;
    else if ("key" in value) values[name] = t(value.key);
    else if ("date" in value) values[name] = formatDate(new Date(value.date), locale);
    else values[name] = formatDateTime(new Date(value.dateTime), locale);
  }
  return values;
}
