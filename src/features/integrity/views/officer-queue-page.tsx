import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Reference } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { reportReference } from "../queries.js";
import { REPORT_STATUSES, type ReportStatus } from "../reports.js";
import { AwaitingApproval, ListTable, OfficerLayout } from "./officer-layout.js";
import { Day, ReportStatusTag } from "./parts.js";

export interface QueueRow {
  id: string;
  status: ReportStatus;
  receivedOn: string;
  dueOn: string;
  updatedOn: string;
  structureName: LocalizedText | null;
  lastAuthor: string | null;
  messages: number | null;
}

/** The reports addressed to the officer's structures, newest first. */
export function QueuePage({
  rows,
  status,
  today,
  awaitingApproval = false,
}: {
  rows: QueueRow[];
  status?: ReportStatus;
  today: string;
  awaitingApproval?: boolean;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <OfficerLayout title={t("integrity.officer.queue.title")} section="queue">
      {awaitingApproval && <AwaitingApproval />}
      <h1 class="sh-heading-xl">{t("integrity.officer.queue.title")}</h1>
      <form method="get" action={href("/integrity/officer")} class="sh-filters">
        <Select
          id="status"
          name="status"
          label={t("integrity.labels.status")}
          value={status}
          options={[
            { value: "", text: t("integrity.officer.queue.allStatuses") },
            ...REPORT_STATUSES.map((s) => ({ value: s, text: t(`integrity.status.${s}`) })),
          ]}
        />
        <Button variant="secondary">{t("integrity.officer.queue.filter")}</Button>
      </form>
      <ListTable
        empty={t("integrity.officer.queue.empty")}
        id="integrity-queue"
        caption={t("integrity.officer.queue.caption", { count: rows.length })}
        head={[
          { text: t("integrity.labels.reference") },
          { text: t("integrity.labels.addressedTo") },
          { text: t("integrity.labels.status") },
          { text: t("integrity.labels.received") },
          { text: t("integrity.labels.due") },
          { text: t("integrity.labels.awaiting") },
        ]}
        rows={rows.map((r) => [
          <a key="ref" class="sh-link" href={href(`/integrity/officer/reports/${r.id}`)}>
            <Reference>{reportReference(r.id)}</Reference>
          </a>,
          r.structureName ? pickLocalized(r.structureName, locale).text : t("integrity.labels.centralOnly"),
          <ReportStatusTag key="status" status={r.status} />,
          <Day key="received" day={r.receivedOn} />,
          <span key="due">
            <Day day={r.dueOn} />
            {r.status !== "closed" && r.dueOn < today && ` · ${t("integrity.labels.overdue")}`}
          </span>,
          r.status !== "closed" && (r.lastAuthor === "whistleblower" || r.messages === null)
            ? t("integrity.labels.awaitingYou")
            : "",
        ])}
      />
    </OfficerLayout>
  );
}
