import type { FieldErrors } from "../../../../core/forms.js";
import { formatDateTime, formatDaysAgo } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { useFieldErrors } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import type { BulkField } from "../commands/bulk-update.js";
import type { ViewField } from "../commands/save-view.js";
import type { Handler } from "../queries/handlers.js";
import type { QueueCounts, QueueRow } from "../queries/queue.js";
import { type QueueFilters, queueQueryString } from "../queue-filters.js";
import type { SavedView } from "../saved-views.js";
import { DateText, DeadlineTag } from "./labels.js";
import { BulkActions, type BulkValues, SavedViews } from "./queue-parts.js";
import { QueueChips, QueueFilterForm } from "./queue-toolbar.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";

export interface QueuePageProps {
  nav: StaffNav;
  /** The structures whose queues the actor may open. */
  structures: Array<{ id: string; name: LocalizedText }>;
  structure: { id: string; name: LocalizedText };
  filters: QueueFilters;
  counts: QueueCounts;
  rows: QueueRow[];
  totalPages: number;
  categories: Array<{ id: string; name: LocalizedText }>;
  handlers: Handler[];
  governorates: Array<{ code: string; name: LocalizedText }>;
  savedViews: SavedView[];
  /** The end of the reader's previous visit: requests that reached the queue after it are "new". */
  newSince: Date | null;
  /** How many open requests of the structure are new since then. */
  newCount: number;
  /** Whether the actor may hand requests to others (the bulk form's assignee list). */
  canAssignOthers: boolean;
  bulkErrors?: FieldErrors<BulkField>;
  /** What was sent with a refused bulk action, shown again. */
  bulkValues?: BulkValues;
  viewErrors?: FieldErrors<ViewField>;
  viewName?: string;
}

/** A structure's queue: counts, filters, saved views, the requests by deadline, and bulk actions. */
export function QueuePage(props: QueuePageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { filters, counts } = props;
  const title = t("cases.workspace.queue.title", { structure: plain(props.structure.name) });
  const bulk = useFieldErrors(props.bulkErrors, {
    ids: "bulk-ids",
    assignee: "bulk-assignee",
    outcome: "bulk-outcome",
    ground: "bulk-ground",
    message: "bulk-message",
  });
  const views = useFieldErrors(props.viewErrors, { name: "view-name" });
  const assigneeName = (id: string) => props.handlers.find((h) => h.id === id)?.name;
  const from = encodeURIComponent(queueQueryString(filters));
  const now = new Date();
  return (
    <StaffLayout title={title} section="queue" nav={props.nav}>
      <div class="sh-queue">
        <bulk.Summary />
        <views.Summary />
        <h1 class="sh-heading-xl">{title}</h1>
        {props.newSince && (
          <p class="sh-hint" id="new-since">
            {t("cases.workspace.queue.newSince", {
              count: props.newCount,
              date: formatDateTime(props.newSince, locale),
            })}
          </p>
        )}
        {props.structures.length > 1 && (
          <form method="get" action={href("/staff/requests")} class="sh-qf">
            <Select
              id="structure"
              name="structure"
              label={t("cases.workspace.queue.structure")}
              value={props.structure.id}
              options={props.structures.map((s) => ({ value: s.id, text: plain(s.name) }))}
            />
            <Button variant="secondary">{t("cases.workspace.queue.switch")}</Button>
          </form>
        )}

        <QueueChips filters={filters} counts={counts} />

        <div class="sh-toolbar sh-toolbar--end">
          <QueueFilterForm
            filters={filters}
            structureId={props.structure.id}
            categories={props.categories}
            handlers={props.handlers}
            governorates={props.governorates}
          />
          <SavedViews
            views={props.savedViews}
            query={queueQueryString(filters)}
            structureId={props.structure.id}
            name={props.viewName}
            error={views.message("name")}
          />
        </div>

        {props.rows.length === 0 ? (
          <EmptyState title={t("cases.workspace.queue.emptyTitle")}>
            <p class="sh-body-text">{t("cases.workspace.queue.emptyText")}</p>
          </EmptyState>
        ) : (
          <BulkActions
            structureId={props.structure.id}
            handlers={props.handlers}
            canAssignOthers={props.canAssignOthers}
            message={bulk.message}
            values={props.bulkValues}
          >
            <Table
              id="queue"
              captionSize="s"
              caption={t("cases.workspace.queue.caption", { count: counts.total })}
              head={[
                { text: <span class="sh-visually-hidden">{t("cases.workspace.queue.select")}</span> },
                { text: t("cases.workspace.fields.reference") },
                { text: t("cases.workspace.fields.subject") },
                { text: t("cases.workspace.fields.received") },
                { text: t("cases.workspace.fields.age") },
                { text: t("cases.workspace.fields.deadline") },
                { text: t("cases.workspace.fields.anonymity") },
                { text: t("cases.workspace.fields.assignee") },
              ]}
              rows={props.rows.map((r, index) => [
                <div key="select" class="sh-choices__item">
                  <input
                    class="sh-choices__input"
                    type="checkbox"
                    id={index === 0 ? "bulk-ids" : `bulk-ids-${index + 1}`}
                    name="ids"
                    value={r.id}
                    checked={props.bulkValues?.ids.includes(r.id)}
                  />
                  <label class="sh-choices__label" for={index === 0 ? "bulk-ids" : `bulk-ids-${index + 1}`}>
                    <span class="sh-visually-hidden">
                      {t("cases.workspace.queue.selectOne", { reference: r.reference })}
                    </span>
                  </label>
                </div>,
                <a key="ref" class="sh-link" href={href(`/staff/requests/${r.id}?from=${from}`)}>
                  <Reference>{r.reference}</Reference>
                </a>,
                <span key="subject" class="sh-queue__subject">
                  {props.newSince && r.clockStartedAt > props.newSince && (
                    <>
                      <StatusTag tone="info">{t("cases.workspace.queue.new")}</StatusTag>{" "}
                    </>
                  )}
                  <UserText>{r.subject}</UserText>{" "}
                  <span class="sh-hint">
                    · {t(`cases.workspace.type.${r.type}`)} · {t(`cases.workspace.status.${r.status}`)}
                    {r.needsTriage ? ` · ${t("cases.workspace.case.triage")}` : ""}
                    {r.transferCount > 0
                      ? ` · ${t("cases.workspace.case.transfers", { count: r.transferCount })}`
                      : ""}
                  </span>
                </span>,
                <span key="received" class="sh-nowrap">
                  <DateText date={r.createdAt} />
                </span>,
                <span key="age" class="sh-nowrap">
                  {formatDaysAgo(r.createdAt, now, locale)}
                </span>,
                <span key="deadline" class="sh-nowrap">
                  <DeadlineTag state={r.deadline} /> <DateText date={r.dueAt} />
                </span>,
                r.anonymous ? t("cases.workspace.queue.anonymous") : t("cases.workspace.queue.identified"),
                r.assigneeId ? (
                  <UserText>{r.assigneeName ?? assigneeName(r.assigneeId) ?? ""}</UserText>
                ) : (
                  t("cases.workspace.queue.unassigned")
                ),
              ])}
            />
          </BulkActions>
        )}
        <Pagination
          page={filters.page}
          totalPages={props.totalPages}
          label={t("cases.workspace.queue.pages")}
        />
      </div>
    </StaffLayout>
  );
}
