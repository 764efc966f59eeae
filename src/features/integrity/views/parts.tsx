import { formatDate } from "../../../core/i18n/format.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { StatusTag, type StatusTone } from "../../../core/views/components/status-tag/status-tag.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout, type LayoutProps } from "../../../core/views/layout.js";
import { LIMITS, type MessageView, type ReportStatus } from "../reports.js";

/** Where "Exit this page" goes: a common site that says nothing about what was open before. */
export const QUICK_EXIT_URL = "https://www.google.com/";

/**
 * "Exit this page" (GOV.UK's pattern): a plain link that works without JavaScript. With JavaScript
 * (sharek.js, sh-quick-exit) it replaces this page in the history, and Esc pressed three times
 * in a row does the same; the hint about Esc is shown only then.
 */
export function QuickExit() {
  const { t } = usePage();
  return (
    <div class="sh-quick-exit" data-module="sh-quick-exit">
      <a class="sh-button sh-button--warning sh-quick-exit__button" href={QUICK_EXIT_URL} rel="noreferrer">
        {t("integrity.quickExit.label")}
      </a>
      <span class="sh-quick-exit__hint sh-js-quick-exit-hint" hidden>
        {t("integrity.quickExit.hint")}
      </span>
    </div>
  );
}

/** Every page of the whistleblower's side: the site's layout, with "Exit this page" on top. */
export function IntegrityLayout({ children, ...props }: LayoutProps) {
  return (
    <Layout {...props}>
      <QuickExit />
      {children}
    </Layout>
  );
}

/** Nobody can open a report now: said before anyone writes, with the other ways to report. */
export function NoRecipient({ headingLevel }: { headingLevel: 1 | 2 }) {
  const { t } = usePage();
  const href = useHref();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const Subheading = headingLevel === 1 ? "h2" : "h3";
  return (
    <>
      <Heading class={headingLevel === 1 ? "sh-heading-xl" : "sh-heading-l"}>
        {t("integrity.closed.title")}
      </Heading>
      <p class="sh-body-text">{t("integrity.closed.lead")}</p>
      <Subheading class="sh-heading-m">{t("integrity.closed.routesTitle")}</Subheading>
      <ul class="sh-list sh-list--bullet">
        <li>{t("integrity.closed.prosecutor")}</li>
        <li>
          <a class="sh-link" href={href("/requests/new")}>
            {t("integrity.closed.request")}
          </a>
          <p class="sh-hint">{t("integrity.closed.requestNote")}</p>
        </li>
        <li>{t("integrity.closed.later")}</li>
      </ul>
    </>
  );
}

const TONES: Record<ReportStatus, StatusTone> = {
  new: "new",
  under_review: "info",
  referred: "warning",
  closed: "neutral",
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = usePage();
  return <StatusTag tone={TONES[status]}>{t(`integrity.status.${status}`)}</StatusTag>;
}

/** A day kept by the channel ("YYYY-MM-DD": never a time), in words. */
export function Day({ day }: { day: string }) {
  const { locale } = usePage();
  return <time dateTime={day}>{formatDate(new Date(`${day}T12:00:00Z`), locale)}</time>;
}

/** The conversation, oldest first. `fileHref` links an attachment when the reader may open it. */
export function Conversation({
  messages,
  fileHref,
}: {
  messages: MessageView[];
  fileHref?: (attachmentId: string) => string;
}) {
  const { t } = usePage();
  if (messages.length === 0) return <p class="sh-body-text">{t("integrity.conversation.empty")}</p>;
  return (
    <ol class="sh-integrity-messages">
      {messages.map((m) => (
        <li key={m.id} class={`sh-integrity-message sh-integrity-message--${m.author}`}>
          <p class="sh-caption">
            {t(`integrity.conversation.author.${m.author}`)} · <Day day={m.sentOn} />
          </p>
          <p class="sh-body-text sh-pre-wrap">{m.body ?? t("integrity.conversation.sealed")}</p>
          {m.attachments.length > 0 && (
            <ul class="sh-list">
              {m.attachments.map((a, i) => (
                <li key={a.id}>
                  {fileHref ? (
                    <a class="sh-link" href={fileHref(a.id)}>
                      {t("integrity.attachments.item", { n: i + 1 })}
                    </a>
                  ) : (
                    t("integrity.attachments.item", { n: i + 1 })
                  )}
                  {a.meta?.mayCarryMetadata && ` · ${t("integrity.attachments.pdfWarning")}`}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The evidence a whistleblower attaches, with the report or with a later message: photos and PDFs. */
export function EvidenceField({ error }: { error?: string }) {
  const { t } = usePage();
  return (
    <FileUpload
      id="attachments"
      name="attachments"
      label={t("integrity.fields.attachments")}
      hint={t("integrity.fields.attachmentsHint", { max: LIMITS.attachments, size: 10 })}
      accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
      multiple
      error={error}
    />
  );
}
