import { formatMonthName } from "../../../core/i18n/format.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { usePage } from "../../../core/views/context.js";
import { LocalizedNameFields } from "../../../core/views/localized-name-fields.js";
import type { HolidayField, HolidayInput } from "../commands/holiday-fields.js";
import type { Holiday } from "../queries.js";

/** The ids of the holiday form's controls, for the error summary's links. */
export const HOLIDAY_FIELD_IDS: Record<HolidayField, string> = {
  kind: "kind",
  date: "date",
  month: "month",
  day: "day",
  nameAr: "nameAr",
  nameFr: "nameFr",
  nameEn: "nameEn",
};

/** A stored holiday as the form shows it. */
export function holidayFormValues(h: Holiday): HolidayInput {
  return {
    kind: h.kind,
    date: h.date ?? "",
    month: h.month ? String(h.month) : "",
    day: h.day ? String(h.day) : "",
    nameAr: h.name.ar ?? "",
    nameFr: h.name.fr ?? "",
    nameEn: h.name.en ?? "",
  };
}

/** The fields of a holiday: kind, when it falls (a date, or a month and day), names in three languages. */
export function HolidayFields({
  values,
  message,
}: {
  values: HolidayInput;
  message: (field: HolidayField) => string | undefined;
}) {
  const { t, locale } = usePage();
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    text: formatMonthName(i + 1, locale),
  }));
  return (
    <>
      <Radios
        id="kind"
        name="kind"
        label={t("calendar.fields.kind")}
        value={values.kind}
        error={message("kind")}
        items={[
          { value: "fixed", label: t("calendar.kind.fixed"), hint: t("calendar.kind.fixedHint") },
          { value: "dated", label: t("calendar.kind.dated"), hint: t("calendar.kind.datedHint") },
        ]}
      />
      <TextInput
        id="date"
        name="date"
        label={t("calendar.fields.date")}
        hint={t("calendar.fields.dateHint")}
        value={values.date}
        error={message("date")}
        width={10}
        inputMode="numeric"
        dir="ltr"
      />
      <Select
        id="month"
        name="month"
        label={t("calendar.fields.month")}
        hint={t("calendar.fields.monthHint")}
        value={values.month}
        error={message("month")}
        options={[{ value: "", text: t("calendar.fields.monthNone") }, ...months]}
      />
      <TextInput
        id="day"
        name="day"
        label={t("calendar.fields.day")}
        value={values.day}
        error={message("day")}
        width={2}
        inputMode="numeric"
      />
      <LocalizedNameFields
        labels={{
          nameAr: t("calendar.fields.nameAr"),
          nameFr: t("calendar.fields.nameFr"),
          nameEn: t("calendar.fields.nameEn"),
        }}
        values={values}
        message={message}
      />
    </>
  );
}
