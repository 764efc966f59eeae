import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { formatReceipt } from "../crypto.js";
import { canReceive, type ReportDestinations } from "../officers.js";
import { LIMITS, type ReportField, type ReportInput, type ReportView } from "../reports.js";
import { Conversation, Day, IntegrityLayout, NoRecipient, ReportStatusTag } from "./parts.js";

const SECTIONS = ["stored", "notStored", "law", "safer"] as const;

/** The channel's front page: what it protects, in plain words, and the two ways in. */
export function IntegrityHomePage({ open }: { open: boolean }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <IntegrityLayout title={t("integrity.home.title")}>
      <h1 class="sh-heading-xl">{t("integrity.home.title")}</h1>
      <p class="sh-lead">{t("integrity.home.lead")}</p>
      {open ? (
        <Button href={href("/integrity/report")} start>
          {t("integrity.home.start")}
        </Button>
      ) : (
        <div class="sh-inset">
          <NoRecipient headingLevel={2} />
        </div>
      )}
      <p class="sh-body-text">
        <a class="sh-link" href={href("/integrity/follow")}>
          {t("integrity.home.follow")}
        </a>
      </p>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`integrity-${section}`}>
          <h2 id={`integrity-${section}`} class="sh-heading-l">
            {t(`integrity.home.${section}.title`)}
          </h2>
          <ul class="sh-list sh-list--bullet">
            {t(`integrity.home.${section}.points`)
              .split("\n")
              .map((point) => (
                <li key={point}>{point}</li>
              ))}
          </ul>
        </section>
      ))}
    </IntegrityLayout>
  );
}

const IDS: Record<ReportField, string> = {
  structure: "structure",
  sector: "sector",
  what: "what",
  when: "when",
  who: "who",
  attachments: "attachments",
  contact: "contact",
  identity: "identity",
};

export interface ReportFormProps {
  destinations: ReportDestinations;
  challenge: string;
  values?: ReportInput;
  errors?: FieldErrors<ReportField>;
  /** Seconds to wait before the next report can be sent from here without JavaScript. */
  throttled?: number;
}

/** No destination can open a report: no form, the other ways, and what was written, if anything. */
function ClosedPage({ written }: { written?: string }) {
  const { t } = usePage();
  return (
    <IntegrityLayout title={t("integrity.closed.title")} width="narrow">
      <NoRecipient headingLevel={1} />
      {written && (
        <section aria-labelledby="written">
          <h2 id="written" class="sh-heading-m">
            {t("integrity.closed.written")}
          </h2>
          <p class="sh-hint">{t("integrity.closed.writtenHint")}</p>
          <p class="sh-body-text sh-pre-wrap">{written}</p>
        </section>
      )}
    </IntegrityLayout>
  );
}

/**
 * The report form: multipart, works without JavaScript. With JavaScript, sharek.js solves the
 * anti-flood proof of work in the background and fills `pow` before the form leaves. It offers
 * only the destinations that can open a report, the central unit first; with none, no form at all.
 */
export function ReportFormPage({ destinations, challenge, values = {}, errors, throttled }: ReportFormProps) {
  const { t, locale, csrfToken } = usePage();
  const { message, Summary } = useFieldErrors(errors, IDS);
  if (!canReceive(destinations)) return <ClosedPage written={values.what} />;
  const options = [
    ...(destinations.central ? [{ value: "central", text: t("integrity.fields.structureCentral") }] : []),
    ...destinations.structures.map((s) => ({ value: s.code, text: pickLocalized(s.name, locale).text })),
  ];
  return (
    <IntegrityLayout title={t("integrity.form.title")} width="narrow">
      <Summary />
      {throttled !== undefined && (
        <NotificationBanner
          kind="info"
          title={t("integrity.form.throttled", { minutes: Math.ceil(throttled / 60) })}
        />
      )}
      <h1 class="sh-heading-xl">{t("integrity.form.title")}</h1>
      <p class="sh-lead">{t("integrity.form.lead")}</p>
      <form
        method="post"
        action={`/${locale}/integrity/report`}
        enctype="multipart/form-data"
        noValidate
        data-module="sh-proof-of-work"
        data-challenge={challenge}
      >
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="pow" value="" class="sh-js-pow" />
        <Select
          id={IDS.structure}
          name="structure"
          label={t("integrity.fields.structure")}
          hint={t(
            destinations.central ? "integrity.fields.structureHint" : "integrity.fields.structureHintOnly",
          )}
          value={values.structure ?? options[0]!.value}
          error={message("structure")}
          options={options}
        />
        <TextInput
          id={IDS.sector}
          name="sector"
          label={t("integrity.fields.sector")}
          hint={t("integrity.fields.sectorHint")}
          value={values.sector}
          error={message("sector")}
        />
        <Textarea
          id={IDS.what}
          name="what"
          label={t("integrity.fields.what")}
          hint={t("integrity.fields.whatHint")}
          value={values.what}
          rows={10}
          maxLength={LIMITS.what.max}
          error={message("what")}
        />
        <TextInput
          id={IDS.when}
          name="when"
          label={t("integrity.fields.when")}
          hint={t("integrity.fields.whenHint")}
          value={values.when}
          error={message("when")}
        />
        <Textarea
          id={IDS.who}
          name="who"
          label={t("integrity.fields.who")}
          hint={t("integrity.fields.whoHint")}
          value={values.who}
          rows={4}
          error={message("who")}
        />
        <FileUpload
          id={IDS.attachments}
          name="attachments"
          label={t("integrity.fields.attachments")}
          hint={t("integrity.fields.attachmentsHint", { max: LIMITS.attachments, size: 10 })}
          accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
          multiple
          error={message("attachments")}
        />
        <Radios
          id={IDS.contact}
          name="contact"
          label={t("integrity.fields.contact")}
          hint={t("integrity.fields.contactHint")}
          value={values.contact}
          inline
          items={[
            { value: "yes", label: t("integrity.fields.contactYes") },
            { value: "no", label: t("integrity.fields.contactNo") },
          ]}
          error={message("contact")}
        />
        <Textarea
          id={IDS.identity}
          name="identity"
          label={t("integrity.fields.identity")}
          hint={t("integrity.fields.identityHint")}
          value={values.identity}
          rows={3}
          error={message("identity")}
        />
        <Button>{t("integrity.form.submit")}</Button>
      </form>
    </IntegrityLayout>
  );
}

/** The receipt, shown once, on a page made to be printed or copied by hand. */
export function ReceiptPage({ receipt }: { receipt: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <IntegrityLayout title={t("integrity.receipt.title")} width="narrow">
      <NotificationBanner kind="success" title={t("integrity.receipt.sent")} />
      <h1 class="sh-heading-xl">{t("integrity.receipt.title")}</h1>
      <p class="sh-integrity-receipt" dir="ltr" data-receipt={receipt}>
        {formatReceipt(receipt)}
      </p>
      <ul class="sh-list sh-list--bullet">
        {t("integrity.receipt.points")
          .split("\n")
          .map((point) => (
            <li key={point}>{point}</li>
          ))}
      </ul>
      <p class="sh-body-text sh-integrity-no-print">
        <a class="sh-link" href={href("/integrity/follow")}>
          {t("integrity.receipt.follow")}
        </a>
      </p>
    </IntegrityLayout>
  );
}

/** Coming back: the receipt is asked for, and sent only in a POST body (never in an address). */
export function FollowFormPage({ error, throttled }: { error?: string; throttled?: number }) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(error ? { receipt: { key: error } } : undefined, {
    receipt: "receipt",
  });
  return (
    <IntegrityLayout title={t("integrity.follow.title")} width="narrow">
      <Summary />
      {throttled !== undefined && (
        <NotificationBanner
          kind="info"
          title={t("integrity.follow.throttled", { minutes: Math.ceil(throttled / 60) })}
        />
      )}
      <h1 class="sh-heading-xl">{t("integrity.follow.title")}</h1>
      <p class="sh-lead">{t("integrity.follow.lead")}</p>
      <Form action="/integrity/follow">
        <TextInput
          id="receipt"
          name="receipt"
          label={t("integrity.follow.receipt")}
          hint={t("integrity.follow.receiptHint")}
          inputMode="numeric"
          autocomplete="off"
          spellcheck={false}
          dir="ltr"
          width={20}
          error={message("receipt")}
        />
        <Button>{t("integrity.follow.open")}</Button>
      </Form>
    </IntegrityLayout>
  );
}

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
      <dl class="sh-summary-list">
        <div class="sh-summary-list__row">
          <dt class="sh-summary-list__key">{t("integrity.labels.status")}</dt>
          <dd class="sh-summary-list__value">
            <ReportStatusTag status={report.status} />
          </dd>
        </div>
        <div class="sh-summary-list__row">
          <dt class="sh-summary-list__key">{t("integrity.labels.received")}</dt>
          <dd class="sh-summary-list__value">
            <Day day={report.receivedOn} />
          </dd>
        </div>
      </dl>
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
          <FileUpload
            id="attachments"
            name="attachments"
            label={t("integrity.fields.attachments")}
            hint={t("integrity.fields.attachmentsHint", { max: LIMITS.attachments, size: 10 })}
            accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
            multiple
            error={message("attachments")}
          />
          <Button>{t("integrity.follow.send")}</Button>
        </Form>
      )}
    </IntegrityLayout>
  );
}
