import { formatDateTime } from "../../../core/i18n/format.js";
import type { outboxMessages } from "../../../core/mail/tables.js";
import type { smsMessages } from "../../../core/sms/tables.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";

const TONES = { pending: "warning", sent: "success", failed: "danger" } as const;
const SMS_TONES = {
  pending: "warning",
  sending: "info",
  sent: "success",
  delivered: "success",
  undeliverable: "danger",
  failed: "danger",
  unknown: "danger",
  cancelled: "neutral",
} as const;

/** Turns the links in a plain-text mail into links, keeping the rest as text. */
function Linked({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/\S+)/).map((part, i) =>
        i % 2 === 1 ? (
          <a key={part} class="sh-link" href={part} dir="ltr">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function OutboxPage({
  messages,
  sms,
}: {
  messages: Array<typeof outboxMessages.$inferSelect>;
  sms: Array<typeof smsMessages.$inferSelect>;
}) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("outbox.title")}>
      <h1 class="sh-heading-xl">{t("outbox.title")}</h1>
      <p class="sh-body-text">{t("outbox.lead")}</p>
      {messages.length === 0 ? (
        <EmptyState title={t("outbox.empty")} />
      ) : (
        <ol class="sh-list">
          {messages.map((m) => (
            <li key={m.id} class="sh-outbox__message">
              <h2 class="sh-heading-m">{m.subject}</h2>
              <p class="sh-body-text">
                {t("outbox.to")} <span dir="ltr">{m.toAddress}</span> · {formatDateTime(m.createdAt, locale)}{" "}
                <StatusTag tone={TONES[m.status]}>{t(`outbox.status.${m.status}`)}</StatusTag>
              </p>
              <pre class="sh-outbox__body">
                <Linked text={m.textBody} />
              </pre>
            </li>
          ))}
        </ol>
      )}
      <h2 class="sh-heading-l">{t("outbox.sms.title")}</h2>
      <p class="sh-body-text">{t("outbox.sms.lead")}</p>
      {sms.length === 0 ? (
        <EmptyState title={t("outbox.sms.empty")} />
      ) : (
        <ol class="sh-list">
          {sms.map((m) => (
            <li key={m.id} class="sh-outbox__message">
              <p class="sh-body-text">
                {t("outbox.to")} <span dir="ltr">{m.toNumber}</span> · {formatDateTime(m.createdAt, locale)}{" "}
                <StatusTag tone={SMS_TONES[m.status]}>{t(`outbox.sms.status.${m.status}`)}</StatusTag>
                {m.parts ? ` · ${t("outbox.sms.parts", { count: m.parts })}` : ""}
              </p>
              <pre class="sh-outbox__body" dir="auto">
                <Linked text={m.body} />
              </pre>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
