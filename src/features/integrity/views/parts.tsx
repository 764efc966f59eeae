import { formatDate } from "../../../core/i18n/format.js";
import { StatusTag, type StatusTone } from "../../../core/views/components/status-tag/status-tag.js";
import { usePage } from "../../../core/views/context.js";
import type { MessageView, ReportStatus } from "../reports.js";

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
