import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime, formatNumber } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { Newsletter } from "../audience.js";
import { BODY_MAX, type NewsletterField } from "../commands.js";
import { newsletterSegment } from "../tables.js";

export function NewslettersPage({ list }: { list: Newsletter[] }) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("newsletters.admin.title")} section="newsletters">
      <h1 class="sh-heading-xl">{t("newsletters.admin.title")}</h1>
      <Button href={href("/admin/newsletters/new")}>{t("newsletters.admin.create")}</Button>
      <Table
        id="newsletters"
        caption={t("newsletters.admin.caption")}
        head={[
          { text: t("newsletters.fields.subject") },
          { text: t("newsletters.admin.status") },
          { text: t("newsletters.admin.recipients"), numeric: true },
        ]}
        rows={list.map((n) => [
          <a key="s" class="sh-link" href={href(`/admin/newsletters/${n.id}`)}>
            <UserText>{n.subject}</UserText>
          </a>,
          <StatusTag
            key="t"
            tone={n.status === "sent" ? "success" : n.status === "sending" ? "info" : "neutral"}
          >
            {t(`newsletters.status.${n.status}`)}
          </StatusTag>,
          n.sentAt
            ? `${formatNumber(n.recipients, locale)} · ${formatDateTime(n.sentAt, locale)}`
            : formatNumber(n.recipients, locale),
        ])}
      />
    </AdminLayout>
  );
}

type Named = { code: string; name: LocalizedText };
const FIELDS: NewsletterField[] = ["structureId", "subject", "body", "segment", "segmentValue"];

export function NewsletterFormPage({
  values,
  errors,
  senders,
  governorates,
  themes,
}: {
  values: Partial<Record<NewsletterField, string>>;
  errors?: FieldErrors<NewsletterField>;
  senders: Array<{ id: string; name: LocalizedText | null }>;
  governorates: Named[];
  themes: Named[];
}) {
  const { t } = usePage();
  const plain = usePlainName();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<NewsletterField, string>;
  const { message, Summary } = useFieldErrors(errors, ids);
  return (
    <AdminLayout title={t("newsletters.admin.create")} section="newsletters">
      <Summary />
      <h1 class="sh-heading-xl">{t("newsletters.admin.create")}</h1>
      <Form action="/admin/newsletters/new">
        <Select
          id="structureId"
          name="structureId"
          label={t("newsletters.fields.structureId")}
          hint={t("newsletters.admin.senderHint")}
          value={values.structureId}
          error={message("structureId")}
          options={senders.map((s) => ({
            value: s.id,
            text: s.name ? plain(s.name) : t("newsletters.admin.platform"),
          }))}
        />
        <Select
          id="segment"
          name="segment"
          label={t("newsletters.fields.segment")}
          value={values.segment}
          error={message("segment")}
          options={newsletterSegment.enumValues.map((s) => ({
            value: s,
            text: t(`newsletters.segment.${s}`),
          }))}
        />
        <Select
          id="segmentValue"
          name="segmentValue"
          label={t("newsletters.fields.segmentValue")}
          hint={t("newsletters.admin.segmentValueHint")}
          value={values.segmentValue}
          error={message("segmentValue")}
          options={[
            { value: "", text: t("newsletters.admin.none") },
            ...governorates.map((g) => ({
              value: g.code,
              text: `${t("newsletters.segment.governorate")} · ${plain(g.name)}`,
            })),
            ...themes.map((th) => ({
              value: th.code,
              text: `${t("newsletters.segment.theme")} · ${plain(th.name)}`,
            })),
          ]}
        />
        <TextInput
          id="subject"
          name="subject"
          label={t("newsletters.fields.subject")}
          value={values.subject}
          error={message("subject")}
        />
        <Textarea
          id="body"
          name="body"
          label={t("newsletters.fields.body")}
          hint={t("newsletters.admin.bodyHint")}
          value={values.body}
          error={message("body")}
          maxLength={BODY_MAX}
          rows={14}
        />
        <Button>{t("newsletters.admin.preview")}</Button>
      </Form>
    </AdminLayout>
  );
}

export function NewsletterPreviewPage({
  newsletter,
  audience,
  sender,
}: {
  newsletter: Newsletter;
  audience: number;
  sender: LocalizedText | null;
}) {
  const { t, locale } = usePage();
  const plain = usePlainName();
  return (
    <AdminLayout title={newsletter.subject} section="newsletters">
      <h1 class="sh-heading-xl">{t("newsletters.admin.previewTitle")}</h1>
      <SummaryList>
        <SummaryRow label={t("newsletters.fields.structureId")}>
          {sender ? plain(sender) : t("newsletters.admin.platform")}
        </SummaryRow>
        <SummaryRow label={t("newsletters.fields.segment")}>
          {t(`newsletters.segment.${newsletter.segment}`)} {newsletter.segmentValue ?? ""}
        </SummaryRow>
        <SummaryRow label={t("newsletters.admin.recipients")} valueId="audience">
          {newsletter.status === "draft"
            ? t("newsletters.admin.audience", { count: audience })
            : formatNumber(newsletter.recipients, locale)}
        </SummaryRow>
        <SummaryRow label={t("newsletters.fields.subject")} userText>
          {newsletter.subject}
        </SummaryRow>
      </SummaryList>
      <pre class="sh-inset sh-pre-wrap" dir="auto">
        {newsletter.body}
      </pre>
      {newsletter.status === "draft" ? (
        <Form action={`/admin/newsletters/${newsletter.id}/send`}>
          <Button variant="warning">{t("newsletters.admin.send", { count: audience })}</Button>
        </Form>
      ) : (
        <p class="sh-body-text">
          <StatusTag tone={newsletter.status === "sent" ? "success" : "info"}>
            {t(`newsletters.status.${newsletter.status}`)}
          </StatusTag>
        </p>
      )}
    </AdminLayout>
  );
}

/** The unsubscribe link's page: a button for people (mail clients POST to the same address). */
export function UnsubscribePage({ token, done }: { token: string; done: boolean | null }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("newsletters.unsubscribe.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("newsletters.unsubscribe.title")}</h1>
      {done === null ? (
        <form method="post" action={`/${locale}/newsletters/unsubscribe/${token}`}>
          <p class="sh-body-text">{t("newsletters.unsubscribe.question")}</p>
          <Button>{t("newsletters.unsubscribe.button")}</Button>
        </form>
      ) : (
        <p class="sh-body-text" role="status">
          {done ? t("newsletters.unsubscribe.done") : t("newsletters.unsubscribe.unknown")}
        </p>
      )}
    </Layout>
  );
}
