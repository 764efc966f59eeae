import { formatDateTime } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Layout } from "../../../../core/views/layout.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import { QUEUE_EXPORT_MAX } from "../queries/queue.js";
import { type QueueFilters, queueQueryString } from "../queue-filters.js";
import type { ExportRow } from "../routes/export.js";
import { CaseStatusTag, DateText, DeadlineTag } from "./labels.js";

export interface QueuePrintPageProps {
  structure: { id: string; name: LocalizedText };
  filters: QueueFilters;
  rows: ExportRow[];
  /** The queue held more than QUEUE_EXPORT_MAX requests: only the first ones are listed. */
  truncated: boolean;
  printedAt: Date;
}

/** The filtered queue as a list that prints cleanly (sharek.css hides the site's frame on paper). */
export function QueuePrintPage(props: QueuePrintPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const title = t("cases.workspace.export.printTitle", { structure: plain(props.structure.name) });
  return (
    <Layout title={title}>
      <div class="sh-print-list">
        <h1 class="sh-heading-l">{title}</h1>
        <p class="sh-body-text">
          {t("cases.workspace.export.printedAt", { date: formatDateTime(props.printedAt, locale) })}
          {props.filters.q && (
            <>
              {" · "}
              {t("cases.workspace.export.searched")} <bdi>{props.filters.q}</bdi>
            </>
          )}
        </p>
        {props.truncated && (
          <p class="sh-body-text">{t("cases.workspace.export.truncated", { count: QUEUE_EXPORT_MAX })}</p>
        )}
        <p class="sh-body-text sh-no-print">
          {t("cases.workspace.export.printHint")}{" "}
          <a class="sh-link" href={href(`/staff/requests?${queueQueryString(props.filters)}`)}>
            {t("cases.workspace.export.back")}
          </a>
        </p>
        <Table
          id="queue-print"
          caption={t("cases.workspace.queue.caption", { count: props.rows.length })}
          head={[
            { text: t("cases.workspace.fields.reference") },
            { text: t("cases.workspace.fields.subject") },
            { text: t("cases.workspace.fields.category") },
            { text: t("cases.workspace.fields.status") },
            { text: t("cases.workspace.fields.deadline") },
            { text: t("cases.workspace.fields.assignee") },
          ]}
          rows={props.rows.map((r) => [
            <Reference key="ref">{r.reference}</Reference>,
            <>
              <UserText>{r.subject}</UserText>
              <br />
              <span class="sh-hint">
                {t(`cases.workspace.type.${r.type}`)}
                {r.governorate ? ` · ${r.governorate}` : ""}
              </span>
            </>,
            r.category,
            <CaseStatusTag key="status" status={r.status} />,
            <>
              <DateText date={r.dueAt} /> <DeadlineTag state={r.deadline} />
            </>,
            r.assigneeId ? (
              <UserText key="assignee">{r.assigneeName ?? ""}</UserText>
            ) : (
              t("cases.workspace.queue.unassigned")
            ),
          ])}
        />
      </div>
    </Layout>
  );
}
