import type { FieldErrors } from "../../../core/forms.js";
import { formatDay } from "../../../core/i18n/format.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Select } from "../../../core/views/components/select/select.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../core/views/components/table/table.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Localized } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { HolidayField, HolidayInput } from "../commands/holiday-fields.js";
import { isDay } from "../days.js";
import type { Holiday } from "../queries.js";
import { HOLIDAY_FIELD_IDS, HolidayFields } from "./holiday-form.js";

export interface CalendarPageProps {
  year: number;
  /** Years offered by the year switcher. */
  years: number[];
  holidays: Holiday[];
  /** The "add a holiday" form, as typed. */
  values: HolidayInput;
  errors?: FieldErrors<HolidayField>;
}

/** The day a holiday falls on in a year (a fixed 29 February has none in common years). */
export function dayInYear(h: Holiday, year: number): string | null {
  if (h.date) return h.date;
  const day = `${year}-${String(h.month).padStart(2, "0")}-${String(h.day).padStart(2, "0")}`;
  return isDay(day) ? day : null;
}

/** The public holidays of a year, a year switcher, and a form to add a holiday. */
export function CalendarPage({ year, years, holidays, values, errors }: CalendarPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, HOLIDAY_FIELD_IDS);
  const title = t("calendar.title");
  const rows = holidays
    .map((h) => ({ h, day: dayInYear(h, year) }))
    .filter((r): r is { h: Holiday; day: string } => r.day !== null)
    .sort((a, b) => a.day.localeCompare(b.day));
  return (
    <AdminLayout title={title} section="settings">
      <Breadcrumbs items={[{ text: t("admin.nav.home"), href: href("/admin") }, { text: title }]} />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{t("calendar.lead")}</p>

      <form method="get" action={href("/admin/calendar")} class="sh-button-group">
        <Select
          id="year"
          name="year"
          label={t("calendar.yearSwitch")}
          value={String(year)}
          options={years.map((y) => ({ value: String(y), text: String(y) }))}
        />
        <Button variant="secondary">{t("calendar.yearShow")}</Button>
      </form>

      {rows.length === 0 ? (
        <EmptyState title={t("calendar.emptyTitle", { year })}>
          <p class="sh-body-text">{t("calendar.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="holidays"
          caption={t("calendar.caption", { year, count: rows.length })}
          head={[
            { text: t("calendar.fields.date") },
            { text: t("calendar.fields.name") },
            { text: t("calendar.fields.kind") },
            { text: t("calendar.actions") },
          ]}
          firstCellIsHeader
          rows={rows.map(({ h, day }) => [
            formatDay(day, locale),
            <UserText key="name">
              <Localized text={h.name} />
            </UserText>,
            h.kind === "fixed" ? (
              <StatusTag key="kind">{t("calendar.kind.fixedTag")}</StatusTag>
            ) : (
              <StatusTag key="kind" tone="info">
                {t("calendar.kind.datedTag")}
              </StatusTag>
            ),
            <div key="actions" class="sh-button-group">
              <a class="sh-link" href={href(`/admin/calendar/${h.id}/edit`)}>
                {t("calendar.edit")}
                <span class="sh-visually-hidden">{` ${t("calendar.forDay", { day: formatDay(day, locale) })}`}</span>
              </a>
              <a class="sh-link" href={href(`/admin/calendar/${h.id}/delete`)}>
                {t("calendar.delete")}
                <span class="sh-visually-hidden">{` ${t("calendar.forDay", { day: formatDay(day, locale) })}`}</span>
              </a>
            </div>,
          ])}
        />
      )}

      <h2 class="sh-heading-l" id="add">
        {t("calendar.addTitle")}
      </h2>
      <p class="sh-body-text">{t("calendar.addLead")}</p>
      <Form action="/admin/calendar">
        <input type="hidden" name="year" value={String(year)} />
        <HolidayFields values={values} message={message} />
        <Button>{t("calendar.add")}</Button>
      </Form>
    </AdminLayout>
  );
}
