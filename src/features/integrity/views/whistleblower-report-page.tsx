import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { LIMITS, type ReportView } from "../reports.js";
import { Conversation, Day, EvidenceField, IntegrityLayout, ReportStatusTag } from "./parts.js";

/**
 * The whistleblower's view of their report: status, what they sent, the conversation, and a form
 * to answer or add evidence. The receipt rides along in the form, never in a cookie or an address;
 * the page is never stored by the browser or any cache.
 */
export function WhistleblowerReportPage({
  view,
  receipt,
  sent,
  errors,
  values = {},
}: {
  view: ReportView;
  receipt: string;
  sent?: boolean;
  errors?: FieldErrors<"message" | "attachments">;
  values?: { message?: string };
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { message: "message", attachments: "attachments" });
  const { report, content } = view;
  return (
    <IntegrityLayout title={t("integrity.follow.reportTitle")} width="narrow">
      <Summary />
      {sent && <NotificationBanner kind="success" title={t("integrity.follow.sent")} />}
      <h1 class="sh-heading-xl">{t("integrity.follow.reportTitle")}</h1>
      <SummaryList>
        <SummaryRow label={t("integrity.labels.status")}>
          <ReportStatusTag status={report.status} />
        </SummaryRow>
        <SummaryRow label={t("integrity.labels.received")}>
          <Day day={report.receivedOn} />
        </SummaryRow>
      </SummaryList>
      <p class="sh-body-text">{t(`integrity.statusHelp.${report.status}`)}</p>
      {content && (
        <section aria-labelledby="what-you-sent">
          <h2 id="what-you-sent" class="sh-heading-m">
            {t("integrity.follow.whatYouSent")}
          </h2>
          <p class="sh-caption">{content.sector}</p>
          <p class="sh-body-text sh-pre-wrap">{content.what}</p>
          {view.attachments.length > 0 && (
            <p class="sh-body-text">
              {t("integrity.follow.attachmentsSent", { count: view.attachments.length })}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="conversation">
        <h2 id="conversation" class="sh-heading-m">
          {t("integrity.conversation.title")}
        </h2>
        <Conversation messages={view.messages} />
      </section>
      {report.status !== "closed" && (
        <Form action="/integrity/follow/reply" enctype="multipart/form-data">
          <input type="hidden" name="receipt" value={receipt} />
          <Textarea
            id="message"
            name="message"
            label={t("integrity.follow.reply")}
            hint={t("integrity.follow.replyHint")}
            value={values.message}
            rows={6}
            maxLength={LIMITS.message}
            error={message("message")}
          />
          <EvidenceField error={message("attachments")} />
          <Button>{t("integrity.follow.send")}</Button>
        </Form>
      )}
    </IntegrityLayout>
  );
}
