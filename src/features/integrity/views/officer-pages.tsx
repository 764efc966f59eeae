import type { ComponentChildren } from "preact";
import type { FieldErrors } from "../../../core/forms.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { SectionLayout } from "../../../core/views/section-layout.js";
import type { PendingColleague } from "../appointments.js";
import { reportReference } from "../queries.js";
import { LIMITS, REPORT_STATUSES, type ReportStatus, type ReportView } from "../reports.js";
import { Conversation, Day, ReportStatusTag } from "./parts.js";

/** The officers' workspace: the reports queue and the keys. */
function OfficerLayout({
  title,
  section,
  children,
}: {
  title: string;
  section: "queue" | "keys" | "colleagues";
  children: ComponentChildren;
}) {
  const { t } = usePage();
  return (
    <SectionLayout
      title={title}
      navLabel={t("integrity.officer.nav.label")}
      current={section}
      links={[
        { key: "queue", path: "/integrity/officer", text: t("integrity.officer.nav.queue") },
        { key: "keys", path: "/integrity/officer/unlock", text: t("integrity.officer.nav.keys") },
        {
          key: "colleagues",
          path: "/integrity/officer/colleagues",
          text: t("integrity.officer.nav.colleagues"),
        },
      ]}
    >
      {children}
    </SectionLayout>
  );
}

/** First visit: the officer makes their keys, confirming their password. */
export function EnrolKeysPage({ error }: { error?: string }) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(error ? { password: { key: error } } : undefined, {
    password: "password",
  });
  return (
    <OfficerLayout title={t("integrity.officer.enrol.title")} section="keys">
      <Summary />
      <h1 class="sh-heading-xl">{t("integrity.officer.enrol.title")}</h1>
      <p class="sh-lead">{t("integrity.officer.enrol.lead")}</p>
      <Form action="/integrity/officer/keys">
        <TextInput
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          label={t("integrity.officer.password")}
          error={message("password")}
        />
        <Button>{t("integrity.officer.enrol.submit")}</Button>
      </Form>
    </OfficerLayout>
  );
}

/** The recovery key, shown once at enrolment. */
export function RecoveryKeyPage({ recoveryKey }: { recoveryKey: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <OfficerLayout title={t("integrity.officer.recovery.title")} section="keys">
      <NotificationBanner kind="success" title={t("integrity.officer.recovery.done")} />
      <h1 class="sh-heading-xl">{t("integrity.officer.recovery.title")}</h1>
      <p class="sh-integrity-receipt" dir="ltr" data-recovery-key={recoveryKey}>
        {recoveryKey}
      </p>
      <p class="sh-body-text">{t("integrity.officer.recovery.explain")}</p>
      <Button href={href("/integrity/officer")}>{t("integrity.officer.recovery.continue")}</Button>
    </OfficerLayout>
  );
}

export type UnlockField = "password" | "recoveryKey";

/** Each sign-in: the password opens the officer's private key for this session only. */
export function UnlockPage({
  next,
  errors,
  needsRecovery,
  unlocked,
}: {
  next?: string;
  errors?: FieldErrors<UnlockField>;
  needsRecovery?: boolean;
  unlocked?: boolean;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { password: "password", recoveryKey: "recovery-key" });
  return (
    <OfficerLayout title={t("integrity.officer.unlock.title")} section="keys">
      <Summary />
      <h1 class="sh-heading-xl">{t("integrity.officer.unlock.title")}</h1>
      {unlocked ? (
        <>
          <p class="sh-lead">{t("integrity.officer.unlock.unlocked")}</p>
          <Form action="/integrity/officer/lock">
            <Button variant="secondary">{t("integrity.officer.unlock.lock")}</Button>
          </Form>
        </>
      ) : (
        <>
          <p class="sh-lead">{t("integrity.officer.unlock.lead")}</p>
          <Form action="/integrity/officer/unlock">
            {next && <input type="hidden" name="next" value={next} />}
            <TextInput
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              label={t("integrity.officer.password")}
              error={message("password")}
            />
            {needsRecovery && (
              <TextInput
                id="recovery-key"
                name="recoveryKey"
                label={t("integrity.officer.unlock.recoveryKey")}
                hint={t("integrity.officer.unlock.recoveryHint")}
                autocomplete="off"
                spellcheck={false}
                dir="ltr"
                error={message("recoveryKey")}
              />
            )}
            <Button>{t("integrity.officer.unlock.submit")}</Button>
          </Form>
        </>
      )}
    </OfficerLayout>
  );
}

export interface QueueRow {
  id: string;
  status: ReportStatus;
  receivedOn: string;
  dueOn: string;
  updatedOn: string;
  structureName: LocalizedText | null;
  lastAuthor: string | null;
  messages: number | null;
}

/** The reports addressed to the officer's structures, newest first. */
/** Shown to an officer whose appointment a colleague has not approved yet. */
function AwaitingApproval() {
  const { t } = usePage();
  return (
    <NotificationBanner kind="info" id="awaiting-approval" title={t("integrity.officer.colleagues.awaiting")}>
      <p class="sh-body">{t("integrity.officer.colleagues.awaitingBody")}</p>
    </NotificationBanner>
  );
}

export function QueuePage({
  rows,
  status,
  today,
  awaitingApproval = false,
}: {
  rows: QueueRow[];
  status?: ReportStatus;
  today: string;
  awaitingApproval?: boolean;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <OfficerLayout title={t("integrity.officer.queue.title")} section="queue">
      {awaitingApproval && <AwaitingApproval />}
      <h1 class="sh-heading-xl">{t("integrity.officer.queue.title")}</h1>
      <form method="get" action={href("/integrity/officer")} class="sh-filters">
        <Select
          id="status"
          name="status"
          label={t("integrity.labels.status")}
          value={status}
          options={[
            { value: "", text: t("integrity.officer.queue.allStatuses") },
            ...REPORT_STATUSES.map((s) => ({ value: s, text: t(`integrity.status.${s}`) })),
          ]}
        />
        <Button variant="secondary">{t("integrity.officer.queue.filter")}</Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t("integrity.officer.queue.empty")} />
      ) : (
        <Table
          id="integrity-queue"
          caption={t("integrity.officer.queue.caption", { count: rows.length })}
          head={[
            { text: t("integrity.labels.reference") },
            { text: t("integrity.labels.addressedTo") },
            { text: t("integrity.labels.status") },
            { text: t("integrity.labels.received") },
            { text: t("integrity.labels.due") },
            { text: t("integrity.labels.awaiting") },
          ]}
          firstCellIsHeader
          rows={rows.map((r) => [
            <a key="ref" class="sh-link" href={href(`/integrity/officer/reports/${r.id}`)} dir="ltr">
              {reportReference(r.id)}
            </a>,
            r.structureName ? pickLocalized(r.structureName, locale).text : t("integrity.labels.centralOnly"),
            <ReportStatusTag key="status" status={r.status} />,
            <Day key="received" day={r.receivedOn} />,
            <span key="due">
              <Day day={r.dueOn} />
              {r.status !== "closed" && r.dueOn < today && ` · ${t("integrity.labels.overdue")}`}
            </span>,
            r.status !== "closed" && (r.lastAuthor === "whistleblower" || r.messages === null)
              ? t("integrity.labels.awaitingYou")
              : "",
          ])}
        />
      )}
    </OfficerLayout>
  );
}

/** One report, opened with the officer's keys: content, identity, evidence, the conversation. */
export function OfficerReportPage({
  view,
  structureName,
  errors,
  values = {},
}: {
  view: ReportView;
  structureName: LocalizedText | null;
  errors?: FieldErrors<"message" | "attachments">;
  values?: { message?: string };
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, { message: "reply-body", attachments: "reply-body" });
  const { report, content } = view;
  const base = `/integrity/officer/reports/${report.id}`;
  const row = (key: string, value: ComponentChildren) => (
    <div class="sh-summary-list__row">
      <dt class="sh-summary-list__key">{key}</dt>
      <dd class="sh-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <OfficerLayout title={reportReference(report.id)} section="queue">
      <Summary />
      <p class="sh-caption">{t("integrity.officer.report.caption")}</p>
      <h1 class="sh-heading-xl" dir="ltr">
        {reportReference(report.id)}
      </h1>
      {!content ? (
        <div class="sh-inset">
          <p class="sh-body-text">{t("integrity.officer.report.noKey")}</p>
        </div>
      ) : (
        <dl class="sh-summary-list">
          {row(t("integrity.labels.status"), <ReportStatusTag status={report.status} />)}
          {row(
            t("integrity.labels.addressedTo"),
            structureName ? pickLocalized(structureName, locale).text : t("integrity.labels.centralOnly"),
          )}
          {row(t("integrity.labels.received"), <Day day={report.receivedOn} />)}
          {row(t("integrity.labels.due"), <Day day={report.dueOn} />)}
          {row(t("integrity.fields.sector"), content.sector)}
          {row(t("integrity.fields.what"), <span class="sh-pre-wrap">{content.what}</span>)}
          {row(t("integrity.fields.when"), content.when || "—")}
          {row(t("integrity.fields.who"), <span class="sh-pre-wrap">{content.who || "—"}</span>)}
          {row(
            t("integrity.fields.contact"),
            content.contact ? t("integrity.fields.contactYes") : t("integrity.fields.contactNo"),
          )}
          {view.identity !== undefined &&
            row(
              t("integrity.fields.identity"),
              <span class="sh-pre-wrap">{view.identity ?? t("integrity.conversation.sealed")}</span>,
            )}
        </dl>
      )}
      {view.attachments.length > 0 && (
        <section aria-labelledby="evidence">
          <h2 id="evidence" class="sh-heading-m">
            {t("integrity.attachments.title")}
          </h2>
          <ul class="sh-list">
            {view.attachments.map((a, i) => (
              <li key={a.id}>
                <a class="sh-link" href={href(`${base}/files/${a.id}`)}>
                  {t("integrity.attachments.item", { n: i + 1 })}
                </a>
                {" · "}
                <a class="sh-link" href={href(`${base}/files/${a.id}?original=1`)}>
                  {t("integrity.attachments.original")}
                </a>
                {a.meta?.mayCarryMetadata && ` · ${t("integrity.attachments.pdfWarning")}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="conversation">
        <h2 id="conversation" class="sh-heading-m">
          {t("integrity.conversation.title")}
        </h2>
        <Conversation messages={view.messages} fileHref={(id) => href(`${base}/files/${id}`)} />
      </section>
      {content && (
        <>
          <Form action={`${base}/reply`}>
            <Textarea
              id="reply-body"
              name="message"
              label={t("integrity.officer.report.reply")}
              hint={t("integrity.officer.report.replyHint")}
              value={values.message}
              rows={6}
              maxLength={LIMITS.message}
              error={message("message")}
            />
            <Button>{t("integrity.officer.report.send")}</Button>
          </Form>
          <Form action={`${base}/status`}>
            <Select
              id="status"
              name="status"
              label={t("integrity.officer.report.status")}
              value={report.status}
              options={REPORT_STATUSES.map((s) => ({ value: s, text: t(`integrity.status.${s}`) }))}
            />
            <Button variant="secondary">{t("integrity.officer.report.setStatus")}</Button>
          </Form>
        </>
      )}
    </OfficerLayout>
  );
}

/** What staff who may not read reports see: how many there are. */
export function CountsPage({
  counts,
  scope,
}: {
  counts: Partial<Record<ReportStatus, number>>;
  scope: "all" | "mine";
}) {
  const { t, locale } = usePage();
  const total = REPORT_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const number = new Intl.NumberFormat(locale);
  return (
    <SectionLayout
      title={t("integrity.counts.title")}
      navLabel={t("integrity.counts.title")}
      current=""
      links={[]}
    >
      <h1 class="sh-heading-xl">{t("integrity.counts.title")}</h1>
      <p class="sh-lead">{t(scope === "all" ? "integrity.counts.leadAll" : "integrity.counts.leadMine")}</p>
      <ul class="sh-stats">
        <li class="sh-stats__item">
          <span class="sh-stats__value">{number.format(total)}</span>
          {t("integrity.counts.total")}
        </li>
        {REPORT_STATUSES.map((s) => (
          <li key={s} class="sh-stats__item">
            <span class="sh-stats__value">{number.format(counts[s] ?? 0)}</span>
            {t(`integrity.status.${s}`)}
          </li>
        ))}
      </ul>
      <p class="sh-body-text">{t("integrity.counts.why")}</p>
    </SectionLayout>
  );
}

/** Colleagues appointed to the officer's units, waiting for an officer's approval before any key reaches them. */
export function ColleaguesPage({
  pending,
  awaitingApproval,
}: {
  pending: PendingColleague[];
  awaitingApproval: boolean;
}) {
  const { t, locale } = usePage();
  return (
    <OfficerLayout title={t("integrity.officer.colleagues.title")} section="colleagues">
      {awaitingApproval && <AwaitingApproval />}
      <h1 class="sh-heading-xl">{t("integrity.officer.colleagues.title")}</h1>
      <p class="sh-lead">{t("integrity.officer.colleagues.lead")}</p>
      {pending.length === 0 ? (
        <EmptyState title={t("integrity.officer.colleagues.empty")} />
      ) : (
        <Table
          id="integrity-colleagues"
          caption={t("integrity.officer.colleagues.caption", { count: pending.length })}
          head={[
            { text: t("integrity.officer.colleagues.name") },
            { text: t("integrity.labels.addressedTo") },
            { text: t("integrity.officer.colleagues.appointed") },
            { text: t("integrity.officer.colleagues.action") },
          ]}
          firstCellIsHeader
          rows={pending.map((c) => [
            <span key="name">
              {c.name}
              {c.email && (
                <>
                  {" · "}
                  <span dir="ltr">{c.email}</span>
                </>
              )}
            </span>,
            pickLocalized(c.structureName, locale).text,
            <Day key="appointed" day={c.appointedOn} />,
            <Form key="approve" action={`/integrity/officer/colleagues/${c.membershipId}/approve`}>
              <Button variant="secondary">
                {t("integrity.officer.colleagues.approve", { name: c.name })}
              </Button>
            </Form>,
          ])}
        />
      )}
    </OfficerLayout>
  );
}
