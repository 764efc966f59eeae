import type { ComponentChildren } from "preact";
import type { FieldErrors } from "../../../core/forms.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { Reference } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { reportReference } from "../queries.js";
import { LIMITS, REPORT_STATUSES, type ReportView } from "../reports.js";
import { OfficerLayout } from "./officer-layout.js";
import { Conversation, Day, ReportStatusTag } from "./parts.js";

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
      <h1 class="sh-heading-xl">
        <Reference>{reportReference(report.id)}</Reference>
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
