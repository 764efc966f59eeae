import type { FieldErrors } from "../../../core/forms.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
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
        <SummaryList>
          <SummaryRow label={t("integrity.labels.status")}>
            <ReportStatusTag status={report.status} />
          </SummaryRow>
          <SummaryRow label={t("integrity.labels.addressedTo")}>
            {structureName ? pickLocalized(structureName, locale).text : t("integrity.labels.centralOnly")}
          </SummaryRow>
          <SummaryRow label={t("integrity.labels.received")}>
            <Day day={report.receivedOn} />
          </SummaryRow>
          <SummaryRow label={t("integrity.labels.due")}>
            <Day day={report.dueOn} />
          </SummaryRow>
          <SummaryRow label={t("integrity.fields.sector")}>{content.sector}</SummaryRow>
          <SummaryRow label={t("integrity.fields.what")}>
            <span class="sh-pre-wrap">{content.what}</span>
          </SummaryRow>
          <SummaryRow label={t("integrity.fields.when")}>{content.when || "—"}</SummaryRow>
          <SummaryRow label={t("integrity.fields.who")}>
            <span class="sh-pre-wrap">{content.who || "—"}</span>
          </SummaryRow>
          <SummaryRow label={t("integrity.fields.contact")}>
            {content.contact ? t("integrity.fields.contactYes") : t("integrity.fields.contactNo")}
          </SummaryRow>
          {view.identity !== undefined && (
            <SummaryRow label={t("integrity.fields.identity")}>
              <span class="sh-pre-wrap">{view.identity ?? t("integrity.conversation.sealed")}</span>
            </SummaryRow>
          )}
        </SummaryList>
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
