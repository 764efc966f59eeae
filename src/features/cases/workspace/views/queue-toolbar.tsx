import { formatNumber } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Details } from "../../../../core/views/components/details/details.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import type { CaseStatus } from "../../lifecycle.js";
import { CASE_TYPES } from "../../rules.js";
import { caseStatus } from "../../tables.js";
import { DEADLINE_STATES } from "../deadline-state.js";
import type { Handler } from "../queries/handlers.js";
import type { QueueCounts } from "../queries/queue.js";
import { type QueueFilters, queueQueryString, STATUS_FILTERS } from "../queue-filters.js";

/** The queue's toolbars: counts by status and by deadline (each a filter link), exports, the filter form. */

/** A row of counts, each a link that filters the queue (the current one marked). */
function CountChips({
  label,
  items,
}: {
  label: string;
  items: Array<{ key: string; href: string; current: boolean; count: number; text: string }>;
}) {
  const { locale } = usePage();
  return (
    <ul class="sh-chips" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <a class="sh-link" href={item.href} aria-current={item.current ? "true" : undefined}>
            <span class="sh-stats__value">{formatNumber(item.count, locale)}</span>
            {item.text}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The counts of the queue by status and by deadline, and its exports. */
export function QueueChips({ filters, counts }: { filters: QueueFilters; counts: QueueCounts }) {
  const { t } = usePage();
  const href = useHref();
  const link = (override: Partial<QueueFilters>) =>
    href(`/staff/requests?${queueQueryString(filters, override)}`);
  return (
    <div class="sh-toolbar">
      <CountChips
        label={t("cases.workspace.queue.byStatus")}
        items={caseStatus.enumValues.map((s: CaseStatus) => ({
          key: s,
          href: link({ status: s }),
          current: filters.status === s,
          count: counts.byStatus[s],
          text: t(`cases.workspace.status.${s}`),
        }))}
      />
      <CountChips
        label={t("cases.workspace.queue.byDeadline")}
        items={DEADLINE_STATES.map((d) => ({
          key: d,
          href: link({ deadline: d }),
          current: filters.deadline === d,
          count: counts.byDeadline[d],
          text: t(`cases.workspace.deadline.${d}`),
        }))}
      />
      <ul class="sh-chips" aria-label={t("cases.workspace.export.title")}>
        <li>
          <a class="sh-link" href={href(`/staff/requests/export.csv?${queueQueryString(filters)}`)} download>
            {t("cases.workspace.export.csv")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href(`/staff/requests/print?${queueQueryString(filters)}`)}>
            {t("cases.workspace.export.print")}
          </a>
        </li>
      </ul>
    </div>
  );
}

/** A filter whose first choice, "any", leaves it off. */
function AnySelect({
  field,
  label,
  value,
  options,
}: {
  field: string;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; text: string }>;
}) {
  const { t } = usePage();
  return (
    <Select
      id={field}
      name={field}
      label={label}
      value={value ?? ""}
      options={[{ value: "", text: t("cases.workspace.queue.any") }, ...options]}
    />
  );
}

/** The search box, and the other filters folded away unless one of them is on. */
export function QueueFilterForm({
  filters,
  structureId,
  categories,
  handlers,
  governorates,
}: {
  filters: QueueFilters;
  structureId: string;
  categories: Array<{ id: string; name: LocalizedText }>;
  handlers: Handler[];
  governorates: Array<{ code: string; name: LocalizedText }>;
}) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  // Filters beyond the search box: the row folds them away unless one of them is on.
  const active = [
    filters.status !== "open",
    filters.type,
    filters.categoryId,
    filters.deadline,
    filters.assignee,
    filters.team,
    filters.governorate,
    filters.appeals,
  ].filter(Boolean).length;
  return (
    <form
      method="get"
      action={href("/staff/requests")}
      class="sh-qf"
      aria-label={t("cases.workspace.queue.filters")}
    >
      <input type="hidden" name="structure" value={structureId} />
      <TextInput
        id="q"
        name="q"
        type="search"
        label={t("cases.workspace.search.label")}
        value={filters.q}
        spellcheck={false}
        dir="auto"
        hint={t("cases.workspace.search.hint")}
        width={20}
      />
      <Button variant="secondary">{t("cases.workspace.queue.search")}</Button>
      <Details
        summary={t("cases.workspace.queue.moreFilters", { count: active })}
        open={active > 0}
        id="filters"
      >
        <Select
          id="status"
          name="status"
          label={t("cases.workspace.fields.status")}
          value={filters.status}
          options={STATUS_FILTERS.map((s) => ({
            value: s,
            text:
              s === "open" || s === "all"
                ? t(`cases.workspace.queue.status.${s}`)
                : t(`cases.workspace.status.${s}`),
          }))}
        />
        <AnySelect
          field="type"
          label={t("cases.workspace.fields.type")}
          value={filters.type}
          options={CASE_TYPES.map((c) => ({ value: c, text: t(`cases.workspace.type.${c}`) }))}
        />
        <AnySelect
          field="category"
          label={t("cases.workspace.fields.category")}
          value={filters.categoryId}
          options={categories.map((c) => ({ value: c.id, text: plain(c.name) }))}
        />
        <AnySelect
          field="deadline"
          label={t("cases.workspace.fields.deadline")}
          value={filters.deadline}
          options={DEADLINE_STATES.map((d) => ({ value: d, text: t(`cases.workspace.deadline.${d}`) }))}
        />
        <Select
          id="assignee"
          name="assignee"
          label={t("cases.workspace.fields.assignee")}
          value={filters.assignee ?? ""}
          options={[
            { value: "", text: t("cases.workspace.queue.anyone") },
            { value: "me", text: t("cases.workspace.queue.me") },
            { value: "unassigned", text: t("cases.workspace.queue.unassigned") },
            ...handlers.map((h) => ({ value: h.id, text: h.name })),
          ]}
        />
        <Select
          id="team"
          name="team"
          label={t("cases.workspace.fields.team")}
          value={filters.team ?? ""}
          options={[
            { value: "", text: t("cases.workspace.queue.anyTeam") },
            { value: "mine", text: t("cases.workspace.queue.myTeams") },
          ]}
        />
        <AnySelect
          field="governorate"
          label={t("cases.workspace.fields.governorate")}
          value={filters.governorate}
          options={governorates.map((g) => ({ value: g.code, text: plain(g.name) }))}
        />
        <Select
          id="appeals"
          name="appeals"
          label={t("cases.workspace.queue.show")}
          value={filters.appeals ? "1" : ""}
          options={[
            { value: "", text: t("cases.workspace.queue.showRequests") },
            { value: "1", text: t("cases.workspace.queue.showAppeals") },
          ]}
        />
        <Button variant="secondary">{t("cases.workspace.queue.apply")}</Button>
        <a class="sh-link" href={href(`/staff/requests?structure=${structureId}`)}>
          {t("cases.workspace.queue.clear")}
        </a>
      </Details>
    </form>
  );
}
