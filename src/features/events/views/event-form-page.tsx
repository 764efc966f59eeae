import type { FieldErrors } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { DESCRIPTION_MAX, type EventField } from "../commands/save-event.js";
import type { EventSummary } from "../queries.js";
import { eventKind, eventMode } from "../tables.js";

export type EventValues = Partial<Record<EventField, string>>;

const FIELDS: EventField[] = [
  "structureId",
  "kind",
  "mode",
  "themeCode",
  "titleAr",
  "titleFr",
  "titleEn",
  "descriptionAr",
  "descriptionFr",
  "descriptionEn",
  "governorateCode",
  "venueAr",
  "venueFr",
  "venueEn",
  "onlineUrl",
  "startsAt",
  "endsAt",
  "capacity",
];

type Named = { code: string; name: LocalizedText };

/** Creates an event, or edits one. */
export function EventFormPage({
  event,
  values,
  errors,
  organisers,
  governorates,
  themes,
}: {
  event?: EventSummary;
  values: EventValues;
  errors?: FieldErrors<EventField>;
  organisers: Array<{ id: string; name: LocalizedText }>;
  governorates: Named[];
  themes: Named[];
}) {
  const { t } = usePage();
  const plain = usePlainName();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<EventField, string>;
  const { message, Summary } = useFieldErrors(errors, ids);
  const title = event ? t("events.admin.editTitle") : t("events.admin.create");
  const input = (field: EventField, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      id={field}
      name={field}
      label={t(`events.fields.${field}`)}
      value={values[field]}
      error={message(field)}
      {...extra}
    />
  );
  const area = (field: EventField) => (
    <Textarea
      id={field}
      name={field}
      label={t(`events.fields.${field}`)}
      value={values[field]}
      error={message(field)}
      maxLength={DESCRIPTION_MAX}
      rows={5}
    />
  );
  const choose = { value: "", text: t("events.admin.choose") };
  return (
    <AdminLayout title={title} section="events">
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <Form action={event ? `/admin/events/${event.id}/edit` : "/admin/events/new"}>
        <Select
          id="structureId"
          name="structureId"
          label={t("events.fields.structureId")}
          value={values.structureId}
          error={message("structureId")}
          options={[choose, ...organisers.map((o) => ({ value: o.id, text: plain(o.name) }))]}
        />
        <Select
          id="kind"
          name="kind"
          label={t("events.fields.kind")}
          value={values.kind}
          error={message("kind")}
          options={[choose, ...eventKind.enumValues.map((k) => ({ value: k, text: t(`events.kind.${k}`) }))]}
        />
        <Select
          id="mode"
          name="mode"
          label={t("events.fields.mode")}
          value={values.mode}
          error={message("mode")}
          options={[choose, ...eventMode.enumValues.map((m) => ({ value: m, text: t(`events.mode.${m}`) }))]}
        />
        <Select
          id="themeCode"
          name="themeCode"
          label={t("events.fields.themeCode")}
          value={values.themeCode}
          error={message("themeCode")}
          options={[
            { value: "", text: t("events.admin.noTheme") },
            ...themes.map((th) => ({ value: th.code, text: plain(th.name) })),
          ]}
        />
        {input("titleAr", { dir: "rtl" })}
        {input("titleFr", { dir: "ltr" })}
        {input("titleEn", { dir: "ltr" })}
        {area("descriptionAr")}
        {area("descriptionFr")}
        {area("descriptionEn")}
        <Select
          id="governorateCode"
          name="governorateCode"
          label={t("events.fields.governorateCode")}
          hint={t("events.admin.governorateHint")}
          value={values.governorateCode}
          error={message("governorateCode")}
          options={[choose, ...governorates.map((g) => ({ value: g.code, text: plain(g.name) }))]}
        />
        {input("venueAr", { dir: "rtl" })}
        {input("venueFr", { dir: "ltr" })}
        {input("venueEn", { dir: "ltr" })}
        {input("onlineUrl", { type: "url", dir: "ltr", hint: t("events.admin.onlineHint") })}
        {input("startsAt", { type: "datetime-local", hint: t("events.admin.timeHint") })}
        {input("endsAt", { type: "datetime-local", hint: t("events.admin.timeHint") })}
        {input("capacity", { type: "number", inputMode: "numeric", width: 5 })}
        <Button>{t("events.admin.save")}</Button>
      </Form>
    </AdminLayout>
  );
}
