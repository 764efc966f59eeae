import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { EmailInput, TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { useFieldErrors } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { structureOptions } from "../../staff/views/structure-options.js";
import type { FilterField, FilterInput } from "../filters.js";
import { actionLabel } from "../labels.js";
import type { AuditRow } from "../queries.js";

export interface AuditPageProps {
  values: FilterInput;
  errors?: FieldErrors<FilterField>;
  actions: string[];
  structures: Array<{ id: string; name: LocalizedText }>;
  rows: AuditRow[];
  total: number;
  page: number;
  totalPages: number;
  /** The filters as a query string, for the CSV link. */
  query: string;
}

/** The audit log, newest first, with its filters and the CSV export of what they select. */
export function AuditPage(props: AuditPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { values } = props;
  const { message, Summary } = useFieldErrors(props.errors, {
    action: "action",
    actor: "actor",
    structure: "structure",
    from: "from",
    to: "to",
  });
  const localized = (text: LocalizedText | null) => {
    if (!text) return "";
    const picked = pickLocalized(text, locale);
    return <span lang={picked.lang === locale ? undefined : picked.lang}>{picked.text}</span>;
  };
  const actions =
    values.action && !props.actions.includes(values.action)
      ? [values.action, ...props.actions]
      : props.actions;
  return (
    <AdminLayout title={t("audit-log.title")} section="audit">
      <Summary />
      <h1 class="sh-heading-xl">{t("audit-log.title")}</h1>
      <p class="sh-lead">{t("audit-log.lead")}</p>
      <form method="get" action={href("/admin/audit")} class="sh-filters" noValidate>
        <Select
          id="action"
          name="action"
          label={t("audit-log.filters.action")}
          value={values.action ?? ""}
          error={message("action")}
          options={[
            { value: "", text: t("audit-log.filters.anyAction") },
            ...actions.map((a) => ({ value: a, text: actionLabel(t, a) })),
          ]}
        />
        <EmailInput
          name="actor"
          label={t("audit-log.filters.actor")}
          hint={t("audit-log.filters.actorHint")}
          value={values.actor}
          error={message("actor")}
        />
        <Select
          id="structure"
          name="structure"
          label={t("audit-log.filters.structure")}
          value={values.structure ?? ""}
          error={message("structure")}
          options={[
            { value: "", text: t("audit-log.filters.anyStructure") },
            ...structureOptions(props.structures, locale),
          ]}
        />
        <TextInput
          id="from"
          name="from"
          label={t("audit-log.filters.from")}
          hint={t("audit-log.filters.dateHint")}
          value={values.from}
          error={message("from")}
          width={10}
          dir="ltr"
        />
        <TextInput
          id="to"
          name="to"
          label={t("audit-log.filters.to")}
          hint={t("audit-log.filters.dateHint")}
          value={values.to}
          error={message("to")}
          width={10}
          dir="ltr"
        />
        <ButtonGroup>
          <Button variant="secondary">{t("audit-log.filters.apply")}</Button>
          <a class="sh-link" href={href("/admin/audit")}>
            {t("audit-log.filters.clear")}
          </a>
        </ButtonGroup>
      </form>

      {props.rows.length === 0 ? (
        <EmptyState title={t("audit-log.emptyTitle")}>
          <p class="sh-body-text">{t("audit-log.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <p class="sh-body-text">
            <a class="sh-link" href={`${href("/admin/audit.csv")}${props.query}`} download>
              {t("audit-log.download")}
            </a>
          </p>
          <Table
            id="audit-events"
            caption={t("audit-log.caption", { count: props.total })}
            head={[
              { text: t("audit-log.columns.when") },
              { text: t("audit-log.columns.who") },
              { text: t("audit-log.columns.what") },
              { text: t("audit-log.columns.record") },
              { text: t("audit-log.columns.structure") },
            ]}
            rows={props.rows.map((row) => [
              <time key="at" dateTime={row.at.toISOString()}>
                {formatDateTime(row.at, locale)}
              </time>,
              row.actorId === null
                ? t("audit-log.system")
                : row.actorName === null || row.actorDeleted
                  ? t("audit-log.deletedAccount")
                  : row.actorName,
              actionLabel(t, row.action),
              <code key="record" dir="ltr">
                {row.subjectId ? `${row.subjectType} ${row.subjectId}` : row.subjectType}
              </code>,
              localized(row.structureName),
            ])}
          />
        </>
      )}
      <Pagination page={props.page} totalPages={props.totalPages} />
    </AdminLayout>
  );
}
