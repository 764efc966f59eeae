import { formatDateTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../core/views/components/table/table.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import type { listDataExports } from "../data-export/exports.js";
import { AccountCrumbs } from "./settings-pages.js";

type ExportRow = Awaited<ReturnType<typeof listDataExports>>[number];

/** "Download my data": what a copy holds, the button that asks for one, and the copies asked for. */
export function DataExportPage({ list, now }: { list: ExportRow[]; now: Date }) {
  const { t, locale } = usePage();
  const href = useHref();
  const pending = list.some((e) => e.status === "pending");
  const state = (e: ExportRow) => {
    if (e.status === "pending") return <StatusTag tone="info">{t("accounts.data.status.pending")}</StatusTag>;
    if (e.status === "failed") return <StatusTag tone="danger">{t("accounts.data.status.failed")}</StatusTag>;
    if (!e.expiresAt || e.expiresAt <= now)
      return <StatusTag tone="neutral">{t("accounts.data.status.expired")}</StatusTag>;
    return <StatusTag tone="success">{t("accounts.data.status.ready")}</StatusTag>;
  };
  const action = (e: ExportRow) =>
    e.status === "ready" && e.expiresAt && e.expiresAt > now ? (
      <a class="sh-link" href={href(`/account/data/${e.id}/download`)}>
        {t("accounts.data.download", { until: formatDateTime(e.expiresAt, locale) })}
      </a>
    ) : (
      ""
    );
  return (
    <Layout title={t("accounts.data.title")}>
      <AccountCrumbs current={t("accounts.data.title")} />
      <h1 class="sh-heading-xl">{t("accounts.data.title")}</h1>
      <p class="sh-body-text">{t("accounts.data.lead")}</p>
      <p class="sh-body-text">{t("accounts.data.contents")}</p>
      {pending ? (
        <p class="sh-body-text">
          <strong>{t("accounts.data.pendingNote")}</strong>
        </p>
      ) : (
        <Form action="/account/data">
          <Button>{t("accounts.data.submit")}</Button>
        </Form>
      )}
      {list.length > 0 && (
        <Table
          id="data-exports"
          caption={t("accounts.data.caption")}
          head={[
            { text: t("accounts.data.columns.requested") },
            { text: t("accounts.data.columns.status") },
            { text: t("accounts.data.columns.download") },
          ]}
          rows={list.map((e) => [formatDateTime(e.createdAt, locale), state(e), action(e)])}
        />
      )}
    </Layout>
  );
}

/** A copy asked for that can no longer be downloaded (expired, deleted, or not ready). */
export function DataExportExpiredPage() {
  const { t } = usePage();
  const href = useHref();
  return (
    <Layout title={t("accounts.data.expired.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("accounts.data.expired.title")}</h1>
      <p class="sh-body-text">{t("accounts.data.expired.body")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={href("/account/data")}>
          {t("accounts.data.expired.retry")}
        </a>
      </p>
    </Layout>
  );
}
