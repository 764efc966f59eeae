import type { FieldErrors } from "../../../../core/forms.js";
import { formatNumber } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import type { AssignField } from "../commands/assign-case.js";
import type { Handler } from "../queries/handlers.js";
import type { QueueRow } from "../queries/queue.js";
import type { WorkloadLine } from "../queries/workload.js";
import type { QueueFilters } from "../queue-filters.js";
import { DateText, DeadlineTag } from "./labels.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";
import { StructureSwitch } from "./structure-switch.js";

/** The deadline states the view counts, most urgent first. */
const STATES = ["overdue", "due_soon", "on_time", "paused"] as const;

export interface WorkloadPageProps {
  nav: StaffNav;
  structures: Array<{ id: string; name: LocalizedText }>;
  structure: { id: string; name: LocalizedText };
  lines: WorkloadLine[];
  handlers: Handler[];
  /** The list shown under the table: one line's open requests (assignee, deadline state, page). */
  filters?: QueueFilters;
  selected?: WorkloadLine;
  rows: QueueRow[];
  totalPages: number;
  /** The list's query string, for the reassignment forms to return to. */
  back: string;
  /** A reassignment that could not be made: its request and why. */
  failed?: { caseId: string; errors: FieldErrors<AssignField> };
}

/** A structure's open requests per agent by deadline state, and reassignment of one agent's requests. */
export function WorkloadPage(props: WorkloadPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const title = t("cases.workspace.workload.title", { structure: plain(props.structure.name) });
  const failedId = props.failed ? `reassign-${props.failed.caseId}` : "reassign";
  const errors = useFieldErrors(props.failed?.errors, { assignee: failedId });
  const lineName = (l: WorkloadLine) =>
    l.id === null
      ? t("cases.workspace.workload.unassigned")
      : l.former
        ? t("cases.workspace.workload.former", { name: l.name })
        : l.name;
  const listHref = (l: WorkloadLine, deadline?: string) => {
    const params = new URLSearchParams({ structure: props.structure.id, assignee: l.id ?? "unassigned" });
    if (deadline) params.set("deadline", deadline);
    return href(`/staff/workload?${params}#requests`);
  };
  const selected = props.selected;
  return (
    <StaffLayout title={title} section="workload" nav={props.nav}>
      <errors.Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <StructureSwitch
        path="/staff/workload"
        id="structure"
        structures={props.structures}
        current={props.structure.id}
      />
      <p class="sh-body-text">{t("cases.workspace.workload.intro")}</p>
      <Table
        id="workload"
        caption={t("cases.workspace.workload.caption")}
        firstCellIsHeader
        head={[
          { text: t("cases.workspace.fields.assignee") },
          ...STATES.map((s) => ({ text: t(`cases.workspace.deadline.${s}`), numeric: true })),
          { text: t("cases.workspace.workload.total"), numeric: true },
        ]}
        rows={props.lines.map((l) => [
          <a key="name" class="sh-link" href={listHref(l)}>
            {lineName(l)}
          </a>,
          ...STATES.map((s) =>
            l.counts[s] > 0 ? (
              <a key={s} class="sh-link" href={listHref(l, s)}>
                {formatNumber(l.counts[s], locale)}
              </a>
            ) : (
              formatNumber(0, locale)
            ),
          ),
          formatNumber(l.total, locale),
        ])}
      />

      {selected && props.filters && (
        <section id="requests" aria-labelledby="requests-title">
          <h2 id="requests-title" class="sh-heading-l">
            {props.filters.deadline
              ? t("cases.workspace.workload.listIn", {
                  name: lineName(selected),
                  state: t(`cases.workspace.deadline.${props.filters.deadline}`),
                })
              : t("cases.workspace.workload.list", { name: lineName(selected) })}
          </h2>
          {props.rows.length === 0 ? (
            <EmptyState title={t("cases.workspace.workload.emptyTitle")}>
              <p class="sh-body-text">{t("cases.workspace.workload.emptyText")}</p>
            </EmptyState>
          ) : (
            <Table
              id="workload-requests"
              caption={t("cases.workspace.workload.listCaption")}
              head={[
                { text: t("cases.workspace.fields.reference") },
                { text: t("cases.workspace.fields.subject") },
                { text: t("cases.workspace.fields.deadline") },
                { text: t("cases.workspace.workload.reassign") },
              ]}
              rows={props.rows.map((r) => {
                const id = `reassign-${r.id}`;
                return [
                  <a key="ref" class="sh-link" href={href(`/staff/requests/${r.id}`)}>
                    <Reference>{r.reference}</Reference>
                  </a>,
                  <UserText key="subject">{r.subject}</UserText>,
                  <>
                    <DateText date={r.dueAt} /> <DeadlineTag state={r.deadline} />
                  </>,
                  <Form key="form" action="/staff/workload/assign">
                    <input type="hidden" name="structure" value={props.structure.id} />
                    <input type="hidden" name="case" value={r.id} />
                    <input type="hidden" name="back" value={props.back} />
                    <Select
                      id={id}
                      name="assignee"
                      label={t("cases.workspace.workload.reassignTo", { reference: r.reference })}
                      error={props.failed?.caseId === r.id ? errors.message("assignee") : undefined}
                      options={[
                        { value: "", text: t("cases.workspace.workload.choose") },
                        { value: "auto", text: t("cases.workspace.assign.auto") },
                        ...props.handlers
                          .filter((h) => h.id !== r.assigneeId)
                          .map((h) => ({ value: h.id, text: h.name })),
                      ]}
                    />
                    <Button variant="secondary">{t("cases.workspace.assign.submit")}</Button>
                  </Form>,
                ];
              })}
            />
          )}
          <Pagination
            page={props.filters.page}
            totalPages={props.totalPages}
            label={t("cases.workspace.workload.pages")}
          />
        </section>
      )}
    </StaffLayout>
  );
}
