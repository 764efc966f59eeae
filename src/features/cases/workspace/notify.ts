import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { translator } from "../../../core/i18n/catalog.js";
import { formatDate } from "../../../core/i18n/format.js";
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  type LocalizedText,
  pickLocalized,
} from "../../../core/i18n/localized.js";
import { enqueueMail, enqueueMails, type Mail } from "../../../core/mail/outbox.js";
import { notify, notifyEach, turnedOff, wantsSms } from "../../../core/notifications/notify.js";
import { enqueueSms } from "../../../core/sms/outbox.js";
import type { Db } from "../../../db/client.js";
import { findPhoneCheck, isPhoneVerified } from "../../accounts/commands/verify-phone.js";
import { accessRefusal, type RefusalGround } from "../access-law.js";
import { appealRouteText } from "../appeal-route-text.js";
import { caseFollowers, type caseOutcome } from "../tables.js";
import type { CaseRow } from "./queries/case.js";
import type { Assignee, Handler } from "./queries/handlers.js";
import { caseMailOptOuts } from "./tables.js";
import { addressKey, kindUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token.js";

/** What mails need from the app: where it is served, and the secret that signs unsubscribe links. */
export interface MailSettings {
  publicUrl: string;
  secret: string;
}

export type CaseOutcome = (typeof caseOutcome.enumValues)[number];

/** What the citizen is told. Each has its own subject and text in cases.workspace.mail.citizen.<kind>. */
export type CitizenNotice =
  | { kind: "replied"; body: string; documents?: number }
  | { kind: "infoRequested"; body: string }
  | { kind: "inProgress" }
  | { kind: "transferred"; structure: LocalizedText }
  | { kind: "closed"; outcome: CaseOutcome; body: string | null; ground?: RefusalGround | null }
  | { kind: "extended"; body: string; dueAt: Date }
  | { kind: "merged"; into: string }
  /** An access-to-information request's deadline passed with no decision at `at` (jobs/access-silence.ts). */
  | { kind: "silence"; at: Date };

interface Recipient {
  email: string;
  locale: Locale;
  /**
   * The submitter, told everything addressed to them (with an account, they follow the request at
   * /requests/<id> once signed in); or a follower, told only the request's status, since what staff
   * write to the submitter may carry the submitter's personal details.
   */
  role: "submitter" | "accountSubmitter" | "follower";
  /** Their account, whose notification preferences may turn these mails off. */
  accountId?: string;
}

/**
 * The language of mails to someone who sent a request without an account: the request's own
 * language when the case records one, else Arabic.
 */
function requestLocale(c: CaseRow): Locale {
  return isLocale(c.locale) ? c.locale : DEFAULT_LOCALE;
}

/** Who hears about a request: its submitter (contact address, else account) and its followers; never for anonymous ones. */
async function citizenRecipients(db: Db, settings: MailSettings, c: CaseRow): Promise<Recipient[]> {
  if (c.anonymous) return [];
  const found: Recipient[] = [];
  const submitter = c.submitterId
    ? (
        await db
          .select()
          .from(accounts)
          .where(and(eq(accounts.id, c.submitterId), isNull(accounts.deletedAt)))
      )[0]
    : undefined;
  const submitterEmail = c.contactEmail ?? submitter?.email ?? null;
  if (submitterEmail) {
    found.push({
      email: submitterEmail,
      locale: submitter && isLocale(submitter.locale) ? submitter.locale : requestLocale(c),
      role: submitter ? "accountSubmitter" : "submitter",
      accountId: submitter?.id,
    });
  }
  const followers = await db
    .select({ id: accounts.id, email: accounts.email, locale: accounts.locale })
    .from(caseFollowers)
    .innerJoin(accounts, eq(accounts.id, caseFollowers.accountId))
    .where(and(eq(caseFollowers.caseId, c.id), isNull(accounts.deletedAt), isNotNull(accounts.email)));
  for (const f of followers) {
    found.push({
      email: f.email!,
      locale: isLocale(f.locale) ? f.locale : DEFAULT_LOCALE,
      role: "follower",
      accountId: f.id,
    });
  }
  const optedOut = new Set(
    (
      await db
        .select({ key: caseMailOptOuts.addressKey })
        .from(caseMailOptOuts)
        .where(eq(caseMailOptOuts.caseId, c.id))
    ).map((r) => r.key),
  );
  // Account holders who turned e-mail off for this kind on their notification preferences.
  const ids = (role: Recipient["role"]) =>
    found.filter((r) => r.role === role && r.accountId).map((r) => r.accountId!);
  const noMail = new Set([
    ...(await turnedOff(db, ids("accountSubmitter"), "request-update", "email")),
    ...(await turnedOff(db, ids("follower"), "followed-request", "email")),
  ]);
  const seen = new Set<string>();
  return found.filter((r) => {
    const key = addressKey(settings.secret, r.email);
    if (seen.has(key) || optedOut.has(key) || (r.accountId && noMail.has(r.accountId))) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Mails the citizen about a change, and the request's followers about its new status (nothing staff
 * wrote), each in their language, with where to follow the request and a line to stop these mails.
 * The body's silence changes no status: only the requester, whose appeal it opens, is told of it.
 * Call inside the transaction that made the change. Returns how many mails were queued.
 */
export async function notifyCitizen(
  db: Db,
  settings: MailSettings,
  c: CaseRow,
  notice: CitizenNotice,
): Promise<number> {
  const recipients = (await citizenRecipients(db, settings, c)).filter(
    (r) => notice.kind !== "silence" || r.role !== "follower",
  );
  const texted = await textSubmitter(db, settings, c, notice);
  await notifyAccounts(db, settings, c, notice);
  for (const r of recipients) {
    const t = translator(r.locale);
    // An account holder's link turns e-mail off for this kind of news on their preferences; the
    // link of someone without an account stops the mails about this request to their address.
    const token = r.accountId
      ? kindUnsubscribeToken(
          settings.secret,
          r.accountId,
          r.role === "follower" ? "followed-request" : "request-update",
        )
      : unsubscribeToken(settings.secret, c.id, r.email);
    const unsubscribe = `${settings.publicUrl}/${r.locale}/requests/unsubscribe/${token}`;
    const footer = `-- \n${t(
      r.accountId
        ? "cases.workspace.mail.citizen.unsubscribeKind"
        : "cases.workspace.mail.citizen.unsubscribe",
      { url: unsubscribe },
    )}`;
    const headers = { "List-Unsubscribe": `<${unsubscribe}>` };
    if (r.role === "follower") {
      const values = { reference: c.reference, status: t(`cases.workspace.status.${c.status}`) };
      await enqueueMail(db, {
        to: r.email,
        subject: t("cases.workspace.mail.follower.subject", values),
        text: [
          t("cases.workspace.mail.follower.body", values),
          t("cases.workspace.mail.follower.follow", { url: `${settings.publicUrl}/${r.locale}/requests` }),
          footer,
        ].join("\n\n"),
        headers,
      });
      continue;
    }
    const values: Record<string, unknown> = { reference: c.reference };
    if (notice.kind === "transferred") values.structure = pickLocalized(notice.structure, r.locale).text;
    if (notice.kind === "closed") values.outcome = t(`cases.workspace.outcome.${notice.outcome}`);
    if (notice.kind === "extended") values.dueAt = formatDate(notice.dueAt, r.locale);
    if (notice.kind === "silence" && c.dueAt) values.dueAt = formatDate(c.dueAt, r.locale);
    // A refusal of access to information (or the body's silence) says on what ground, and which
    // appeal routes are open.
    const refusal =
      notice.kind === "closed"
        ? accessRefusal(c, new Date())
        : notice.kind === "silence"
          ? accessRefusal(c, notice.at)
          : null;
    const routes = refusal
      ? [
          notice.kind === "closed" && notice.ground
            ? t("cases.access.groundLine", { ground: t(`cases.access.ground.${notice.ground}`) })
            : "",
          t("cases.access.routesTitle"),
          ...refusal.routes.map(
            (route, i) => `- ${appealRouteText(t, r.locale, route, i === 0 ? refusal.since : null)}`,
          ),
        ]
          .filter(Boolean)
          .join("\n")
      : "";
    if (notice.kind === "merged") values.into = notice.into;
    const quoted = "body" in notice && notice.body ? `\n\n${notice.body}` : "";
    const documents =
      notice.kind === "replied" && notice.documents
        ? [t("cases.workspace.mail.citizen.documents", { count: notice.documents })]
        : [];
    const follow =
      r.role === "accountSubmitter"
        ? t("cases.workspace.mail.citizen.followSignedIn", {
            url: `${settings.publicUrl}/${r.locale}/requests/${c.id}`,
          })
        : t("cases.workspace.mail.citizen.followLink");
    await enqueueMail(db, {
      to: r.email,
      subject: t(`cases.workspace.mail.citizen.${notice.kind}.subject`, values),
      text: [
        `${t(`cases.workspace.mail.citizen.${notice.kind}.body`, values)}${quoted}`,
        routes,
        ...documents,
        follow,
        footer,
      ]
        .filter(Boolean)
        .join("\n\n"),
      headers,
    });
  }
  return recipients.length + (texted ? 1 : 0);
}

/**
 * Writes the change into the notification centres of the submitter's account (every notice, leading
 * to the request's page) and of the accounts that follow the request (its new status only, leading
 * to their requests), in the transaction that made it. Never for anonymous requests; a mail opt-out
 * stops mails, not these.
 */
async function notifyAccounts(
  db: Db,
  settings: MailSettings,
  c: CaseRow,
  notice: CitizenNotice,
): Promise<void> {
  if (c.anonymous) return;
  if (c.submitterId) {
    const [submitter] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, c.submitterId), isNull(accounts.deletedAt)));
    if (submitter) {
      await notify(db, submitter.id, "request-update", {
        params: { notice: notice.kind, reference: c.reference },
        link: `/requests/${c.id}`,
      });
      await textAccount(db, settings, c, notice, submitter.id);
    }
  }
  if (notice.kind === "silence") return;
  const followers = await db
    .select({ id: accounts.id })
    .from(caseFollowers)
    .innerJoin(accounts, eq(accounts.id, caseFollowers.accountId))
    .where(and(eq(caseFollowers.caseId, c.id), isNull(accounts.deletedAt)));
  await notifyEach(
    db,
    followers.map((f) => f.id).filter((id) => id !== c.submitterId),
    "followed-request",
    {
      params: { reference: c.reference, status: { key: `cases.workspace.status.${c.status}` } },
      link: "/requests",
    },
  );
}

/**
 * An account holder who chose SMS for their requests' news (notification preferences) and checked
 * their phone number is texted the notice's short line and their request's page, in their language.
 */
async function textAccount(
  db: Db,
  settings: MailSettings,
  c: CaseRow,
  notice: CitizenNotice,
  accountId: string,
): Promise<boolean> {
  const phone = await requestSmsPhone(db, accountId);
  if (!phone) return false;
  const t = translator(phone.locale);
  return enqueueSms(db, {
    to: phone.number,
    text: t("cases.sms.notice", {
      notice: t(`cases.workspace.mail.citizen.${notice.kind}.subject`, { reference: c.reference }),
      url: `${settings.publicUrl}/${phone.locale}/requests/${c.id}`,
    }),
  });
}

/**
 * The checked phone number, and language, of an account holder who chose SMS for their requests'
 * news (notification preferences); null for anyone else.
 */
export async function requestSmsPhone(
  db: Db,
  accountId: string,
): Promise<{ number: string; locale: Locale } | null> {
  if (!(await wantsSms(db, accountId, "request-update"))) return null;
  const [account] = await db
    .select({ phone: accounts.phone, locale: accounts.locale })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account?.phone || !isPhoneVerified(account, await findPhoneCheck(db, accountId))) return null;
  return { number: account.phone, locale: isLocale(account.locale) ? account.locale : DEFAULT_LOCALE };
}

/**
 * Someone who filed without an account and chose the phone (no e-mail) is told by SMS, in the
 * language they filed in: the notice's short line (never what staff wrote, which an SMS would cut
 * and a shared phone would show) and the page where the reference and follow code open the request.
 */
async function textSubmitter(
  db: Db,
  settings: MailSettings,
  c: CaseRow,
  notice: CitizenNotice,
): Promise<boolean> {
  if (c.anonymous || c.contactEmail || c.submitterId || !c.contactPhone) return false;
  const locale = requestLocale(c);
  const t = translator(locale);
  return enqueueSms(db, {
    to: c.contactPhone,
    text: t("cases.sms.notice", {
      notice: t(`cases.workspace.mail.citizen.${notice.kind}.subject`, { reference: c.reference }),
      url: `${settings.publicUrl}/${locale}/requests/follow`,
    }),
  });
}

/**
 * What staff are told: a request assigned to them, transferred to their structure, bounced twice,
 * or appealed to them.
 */
export type StaffNotice = "assigned" | "transferred" | "bounced" | "appealed" | "teamQueued";

/**
 * Mails members of staff about a request, each in their language, with a link to its page (an
 * assignment goes through notifyAssignee, which knows the assignee's choice of rhythm).
 */
export function notifyStaff(
  db: Db,
  settings: Pick<MailSettings, "publicUrl">,
  recipients: readonly Pick<Handler, "id" | "email" | "locale">[],
  notice: Exclude<StaffNotice, "assigned" | "teamQueued">,
  c: Pick<CaseRow, "id" | "reference">,
  structure: LocalizedText,
): Promise<number> {
  return mailStaff(db, settings, recipients, notice, c, structure);
}

/**
 * Tells an agent a request was assigned to them, now; unless they chose a daily summary of their
 * assignments, which lists it instead (jobs/assignment-summary.ts), or turned these mails off (their
 * notification preferences).
 */
export async function notifyAssignee(
  db: Db,
  settings: Pick<MailSettings, "publicUrl">,
  assignee: Assignee,
  c: Pick<CaseRow, "id" | "reference">,
  structure: LocalizedText,
): Promise<number> {
  return !assignee.instantMail ? 0 : mailStaff(db, settings, [assignee], "assigned", c, structure);
}

/** The mail notifyAssignee queues (none for an agent on a daily summary or with these mails off), for a caller that queues it with its own. */
export function assigneeMails(
  settings: Pick<MailSettings, "publicUrl">,
  assignee: Assignee,
  c: Pick<CaseRow, "id" | "reference">,
  structure: LocalizedText,
): Mail[] {
  return !assignee.instantMail ? [] : staffMails(settings, [assignee], "assigned", c, structure);
}

/**
 * Tells a team's members that a request waits in the team's queue, unassigned (`structure` is the
 * team's name here: the mail names the team).
 */
export function notifyTeam(
  db: Db,
  settings: Pick<MailSettings, "publicUrl">,
  members: readonly Pick<Handler, "id" | "email" | "locale">[],
  c: Pick<CaseRow, "id" | "reference">,
  team: LocalizedText,
): Promise<number> {
  return mailStaff(db, settings, members, "teamQueued", c, team);
}

async function mailStaff(
  db: Db,
  settings: Pick<MailSettings, "publicUrl">,
  recipients: readonly Pick<Handler, "id" | "email" | "locale">[],
  notice: StaffNotice,
  c: Pick<CaseRow, "id" | "reference">,
  structure: LocalizedText,
): Promise<number> {
  const mails = staffMails(settings, recipients, notice, c, structure);
  await enqueueMails(db, mails);
  return mails.length;
}

/** One mail to each member of staff who has an address, in their language, with a link to the request's page. */
function staffMails(
  settings: Pick<MailSettings, "publicUrl">,
  recipients: readonly Pick<Handler, "id" | "email" | "locale">[],
  notice: StaffNotice,
  c: Pick<CaseRow, "id" | "reference">,
  structure: LocalizedText,
): Mail[] {
  return recipients.flatMap((r) => {
    if (!r.email) return [];
    const locale = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
    const t = translator(locale);
    const values = { reference: c.reference, structure: pickLocalized(structure, locale).text };
    return [
      {
        to: r.email,
        subject: t(`cases.workspace.mail.staff.${notice}.subject`, values),
        text: [
          t(`cases.workspace.mail.staff.${notice}.body`, values),
          `${settings.publicUrl}/${locale}/staff/requests/${c.id}`,
        ].join("\n\n"),
      },
    ];
  });
}
