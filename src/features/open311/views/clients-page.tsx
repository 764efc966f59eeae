import type { FieldErrors } from "../../../core/forms.js";
import { formatDate, formatNumber } from "../../../core/i18n/format.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../core/views/components/table/table.js";
import { EmailInput, TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { ClientField, ClientInput } from "../commands/create-client.js";
import type { ClientSummary } from "../queries.js";

export interface ClientsPageProps {
  clients: ClientSummary[];
  /** The "issue a key" form, as typed. */
  values: ClientInput;
  errors?: FieldErrors<ClientField>;
}

/** The applications holding an Open311 API key, and a form to issue one. */
export function ClientsPage({ clients, values, errors }: ClientsPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, { name: "name", contactEmail: "contactEmail" });
  const title = t("open311.admin.title");
  return (
    <AdminLayout title={title} section="settings">
      <Breadcrumbs items={[{ text: t("admin.nav.home"), href: href("/admin") }, { text: title }]} />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">{t("open311.admin.lead")}</p>
      <p class="sh-body-text">
        {t("open311.admin.discovery")}{" "}
        <a class="sh-link" href="/open311/v2/discovery.xml" dir="ltr">
          /open311/v2/discovery.xml
        </a>
      </p>

      {clients.length === 0 ? (
        <EmptyState title={t("open311.admin.emptyTitle")}>
          <p class="sh-body-text">{t("open311.admin.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="open311-clients"
          caption={t("open311.admin.caption", { count: clients.length })}
          head={[
            { text: t("open311.admin.fields.name") },
            { text: t("open311.admin.fields.contactEmail") },
            { text: t("open311.admin.fields.keyHint") },
            { text: t("open311.admin.fields.createdAt") },
            { text: t("open311.admin.fields.requests"), numeric: true },
            { text: t("open311.admin.fields.status") },
            { text: t("open311.admin.actions") },
          ]}
          firstCellIsHeader
          rows={clients.map((c) => [
            <bdi key="name">{c.name}</bdi>,
            <span key="email" dir="ltr">
              {c.contactEmail}
            </span>,
            <code key="hint" dir="ltr">{`${c.keyHint}…`}</code>,
            formatDate(c.createdAt, locale),
            formatNumber(c.requests, locale),
            c.revokedAt ? (
              <StatusTag key="status" tone="danger">
                {t("open311.admin.revokedOn", { date: formatDate(c.revokedAt, locale) })}
              </StatusTag>
            ) : (
              <StatusTag key="status" tone="success">
                {t("open311.admin.active")}
              </StatusTag>
            ),
            c.revokedAt ? (
              ""
            ) : (
              <a key="revoke" class="sh-link" href={href(`/admin/open311/${c.id}/revoke`)}>
                {t("open311.admin.revoke")}
                <span class="sh-visually-hidden">
                  {" "}
                  <bdi>{c.name}</bdi>
                </span>
              </a>
            ),
          ])}
        />
      )}

      <h2 class="sh-heading-l" id="issue">
        {t("open311.admin.issueTitle")}
      </h2>
      <p class="sh-body-text">{t("open311.admin.issueLead")}</p>
      <Form action="/admin/open311">
        <TextInput
          id="name"
          name="name"
          label={t("open311.admin.fields.name")}
          hint={t("open311.admin.nameHint")}
          value={values.name}
          error={message("name")}
          autocomplete="off"
        />
        <EmailInput
          name="contactEmail"
          label={t("open311.admin.fields.contactEmail")}
          hint={t("open311.admin.emailHint")}
          value={values.contactEmail}
          error={message("contactEmail")}
          autocomplete="off"
        />
        <Button>{t("open311.admin.issue")}</Button>
      </Form>
    </AdminLayout>
  );
}
