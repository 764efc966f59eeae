import type { FieldErrors } from "../../../../core/forms.js";
import { formatDateTime, formatNumber } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { useFieldErrors } from "../../../../core/views/form.js";
import { usePlainName } from "../../../structures/views/localized-text.js";
import type { CaseStatus } from "../../lifecycle.js";
import { CASE_TYPES } from "../../rules.js";
import { caseStatus } from "../../tables.js";
import type { BulkField } from "../commands/bulk-update.js";
import type { ViewField } from "../commands/save-view.js";
import { DEADLINE_STATES } from "../deadline-state.js";
import type { Handler } from "../queries/handlers.js";
import type { QueueCounts, QueueRow } from "../queries/queue.js";
import { type QueueFilters, queueQueryString, STATUS_FILTERS } from "../queue-filters.js";
import type { SavedView } from "../saved-views.js";
import { CaseStatusTag, DateText, DeadlineTag } from "./labels.js";
import { BulkActions, SavedViews } from "./queue-parts.js";
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
  viewErrors?: FieldErrors<ViewField>;
  viewName?: string;
}

/** A structure's queue: counts, filters, saved views, the requests by deadline, and bulk actions. */
export function QueuePage(props: QueuePageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { filters, counts } = props;
  const title = t("cases.staff.queue.title", { structure: plain(props.structure.name) });
  const link = (override: Partial<QueueFilters>) =>
    href(`/staff/requests?${queueQueryString(filters, override)}`);
  const bulk = useFieldErrors(props.bulkErrors, {
    ids: "bulk-ids",
    assignee: "bulk-assignee",
    outcome: "bulk-outcome",
  });
  const views = useFieldErrors(props.viewErrors, { name: "view-name" });
  const assigneeName = (id: string) => props.handlers.find((h) => h.id === id)?.name;
  return (
    <StaffLayout title={title} section="queue" nav={props.nav}>
      <bulk.Summary />
      <views.Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      {props.newSince && (
        <p class="sh-lead" id="new-since">
          {t("cases.staff.queue.newSince", {
            count: props.newCount,
            date: formatDateTime(props.newSince, locale),
          })}
        </p>
      )}
      {props.structures.length > 1 && (
        <form method="get" action={href("/staff/requests")}>
          <Select
            id="structure"
            name="structure"
            label={t("cases.staff.queue.structure")}
            value={props.structure.id}
            options={props.structures.map((s) => ({ value: s.id, text: plain(s.name) }))}
          />
          <Button variant="secondary">{t("cases.staff.queue.switch")}</Button>
        </form>
      )}

      <h2 class="sh-heading-m">{t("cases.staff.queue.byStatus")}</h2>
      <ul class="sh-stats" aria-label={t("cases.staff.queue.byStatus")}>
        {caseStatus.enumValues.map((s: CaseStatus) => (
          <li key={s} class="sh-stats__item">
            <a
              class="sh-link"
              href={link({ status: s })}
              aria-current={filters.status === s ? "true" : undefined}
            >
              <span class="sh-stats__value">{formatNumber(counts.byStatus[s], locale)}</span>
              {t(`cases.staff.status.${s}`)}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="sh-heading-m">{t("cases.staff.queue.byDeadline")}</h2>
      <ul class="sh-stats" aria-label={t("cases.staff.queue.byDeadline")}>
        {DEADLINE_STATES.map((d) => (
          <li key={d} class="sh-stats__item">
            <a
              class="sh-link"
              href={link({ deadline: d })}
              aria-current={filters.deadline === d ? "true" : undefined}
            >
              <span class="sh-stats__value">{formatNumber(counts.byDeadline[d], locale)}</span>
              {t(`cases.staff.deadline.${d}`)}
            </a>
          </li>
        ))}
      </ul>

      <SavedViews
        views={props.savedViews}
        query={queueQueryString(filters)}
        structureId={props.structure.id}
        name={props.viewName}
        error={views.message("name")}
      />

      <h2 class="sh-heading-m">{t("cases.staff.queue.filters")}</h2>
      <form method="get" action={href("/staff/requests")}>
        <input type="hidden" name="structure" value={props.structure.id} />
        <TextInput
          id="q"
          name="q"
          type="search"
          label={t("cases.staff.search.label")}
          hint={t("cases.staff.search.hint")}
          value={filters.q}
          spellcheck={false}
          dir="auto"
        />
        <Select
          id="status"
          name="status"
          label={t("cases.staff.fields.status")}
          value={filters.status}
          options={STATUS_FILTERS.map((s) => ({
            value: s,
            text:
              s === "open" || s === "all" ? t(`cases.staff.queue.status.${s}`) : t(`cases.staff.status.${s}`),
          }))}
        />
        <Select
          id="type"
          name="type"
          label={t("cases.staff.fields.type")}
          value={filters.type ?? ""}
          options={[
            { value: "", text: t("cases.staff.queue.any") },
            ...CASE_TYPES.map((c) => ({ value: c, text: t(`cases.staff.type.${c}`) })),
          ]}
        />
        <Select
          id="category"
          name="category"
          label={t("cases.staff.fields.category")}
          value={filters.categoryId ?? ""}
          options={[
            { value: "", text: t("cases.staff.queue.any") },
            ...props.categories.map((c) => ({ value: c.id, text: plain(c.name) })),
          ]}
        />
        <Select
          id="deadline"
          name="deadline"
          label={t("cases.staff.fields.deadline")}
          value={filters.deadline ?? ""}
          options={[
            { value: "", text: t("cases.staff.queue.any") },
            ...DEADLINE_STATES.map((d) => ({ value: d, text: t(`cases.staff.deadline.${d}`) })),
          ]}
        />
        <Select
          id="assignee"
          name="assignee"
          label={t("cases.staff.fields.assignee")}
          value={filters.assignee ?? ""}
          options={[
            { value: "", text: t("cases.staff.queue.anyone") },
            { value: "me", text: t("cases.staff.queue.me") },
            { value: "unassigned", text: t("cases.staff.queue.unassigned") },
            ...props.handlers.map((h) => ({ value: h.id, text: h.name })),
          ]}
        />
        <Select
          id="governorate"
          name="governorate"
          label={t("cases.staff.fields.governorate")}
          value={filters.governorate ?? ""}
          options={[
            { value: "", text: t("cases.staff.queue.any") },
            ...props.governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
          ]}
        />
        <Select
          id="appeals"
          name="appeals"
          label={t("cases.staff.queue.show")}
          value={filters.appeals ? "1" : ""}
          options={[
            { value: "", text: t("cases.staff.queue.showRequests") },
            { value: "1", text: t("cases.staff.queue.showAppeals") },
          ]}
        />
        <Button variant="secondary">{t("cases.staff.queue.apply")}</Button>
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/staff/requests?structure=${props.structure.id}`)}>
            {t("cases.staff.queue.clear")}
          </a>
        </p>
      </form>
      <ul class="sh-tag-list" aria-label={t("cases.staff.export.title")}>
        <li>
          <a class="sh-link" href={href(`/staff/requests/export.csv?${queueQueryString(filters)}`)} download>
            {t("cases.staff.export.csv")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href(`/staff/requests/print?${queueQueryString(filters)}`)}>
            {t("cases.staff.export.print")}
          </a>
        </li>
      </ul>

      {props.rows.length === 0 ? (
        <EmptyState title={t("cases.staff.queue.emptyTitle")}>
          <p class="sh-body-text">{t("cases.staff.queue.emptyText")}</p>
        </EmptyState>
      ) : (
        <BulkActions
          structureId={props.structure.id}
          handlers={props.handlers}
          canAssignOthers={props.canAssignOthers}
          message={bulk.message}
        >
          <Table
            id="queue"
            caption={t("cases.staff.queue.caption", { count: counts.total })}
            head={[
              { text: <span class="sh-visually-hidden">{t("cases.staff.queue.select")}</span> },
              { text: t("cases.staff.fields.reference") },
              { text: t("cases.staff.fields.subject") },
              { text: t("cases.staff.fields.status") },
              { text: t("cases.staff.fields.deadline") },
              { text: t("cases.staff.fields.assignee") },
            ]}
            rows={props.rows.map((r, index) => [
              <div key="select" class="sh-choices__item">
                <input
                  class="sh-choices__input"
                  type="checkbox"
                  id={index === 0 ? "bulk-ids" : `bulk-ids-${index + 1}`}
                  name="ids"
                  value={r.id}
                />
                <label class="sh-choices__label" for={index === 0 ? "bulk-ids" : `bulk-ids-${index + 1}`}>
                  <span class="sh-visually-hidden">
                    {t("cases.staff.queue.selectOne", { reference: r.reference })}
                  </span>
                </label>
              </div>,
              <a key="ref" class="sh-link sh-nowrap" href={href(`/staff/requests/${r.id}`)} dir="ltr">
                {r.reference}
              </a>,
              <>
                {props.newSince && r.clockStartedAt > props.newSince && (
                  <>
                    <StatusTag tone="info">{t("cases.staff.queue.new")}</StatusTag>{" "}
                  </>
                )}
                <bdi>{r.subject}</bdi>
                <br />
                <span class="sh-hint">
                  {t(`cases.staff.type.${r.type}`)}
                  {r.needsTriage ? ` · ${t("cases.staff.case.triage")}` : ""}
                  {r.transferCount > 0
                    ? ` · ${t("cases.staff.case.transfers", { count: r.transferCount })}`
                    : ""}
                </span>
              </>,
              <CaseStatusTag key="status" status={r.status} />,
              <>
                <DateText date={r.dueAt} /> <DeadlineTag state={r.deadline} />
              </>,
              r.assigneeId
                ? (r.assigneeName ?? assigneeName(r.assigneeId) ?? "")
                : t("cases.staff.queue.unassigned"),
            ])}
          />
        </BulkActions>
      )}
      <Pagination page={filters.page} totalPages={props.totalPages} label={t("cases.staff.queue.pages")} />
    </StaffLayout>
  );
}
