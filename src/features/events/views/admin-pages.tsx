import type { FieldErrors } from "../../../core/forms.js";
import { formatEventTime } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { Select } from "../../../core/views/components/select/select.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { type AdminAbilities, AdminLayout } from "../../admin/views/admin-layout.js";
import { Localized, usePlainName } from "../../structures/views/localized-text.js";
import { DESCRIPTION_MAX, type EventField } from "../commands/save-event.js";
import type { Attendee, EventSummary } from "../queries.js";
import { eventKind, eventMode } from "../tables.js";

/** The events the actor runs, latest first. */
export function EventsAdminPage({
  abilities,
  events,
  canCreate,
}: {
  abilities: AdminAbilities;
  events: EventSummary[];
  canCreate: boolean;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("events.admin.title")} section="events" abilities={abilities}>
      <h1 class="sh-heading-xl">{t("events.admin.title")}</h1>
      {canCreate && <Button href={href("/admin/events/new")}>{t("events.admin.create")}</Button>}
      <Table
        id="events"
        caption={t("events.admin.caption")}
        head={[
          { text: t("events.admin.columns.title") },
          { text: t("events.admin.columns.when") },
          { text: t("events.admin.columns.registered"), numeric: true },
          { text: t("events.admin.columns.waiting"), numeric: true },
        ]}
        rows={events.map((e) => [
          <a key="t" class="sh-link" href={href(`/admin/events/${e.id}`)}>
            <Localized text={e.title} />
          </a>,
          formatEventTime(e.startsAt, locale),
          `${e.confirmed} / ${e.capacity}`,
          String(e.waiting),
        ])}
      />
    </AdminLayout>
  );
}

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
  abilities,
  event,
  values,
  errors,
  organisers,
  governorates,
  themes,
}: {
  abilities: AdminAbilities;
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
    <AdminLayout title={title} section="events" abilities={abilities}>
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

/** An event's registrations: confirmed people (with attendance to mark) and the waiting list. */
export function AttendancePage({
  abilities,
  event,
  attendees,
  canUpdate,
  cancelErrors,
  reason,
}: {
  abilities: AdminAbilities;
  event: EventSummary;
  attendees: Attendee[];
  canUpdate: boolean;
  /** The cancel form's errors, and the reason as typed. */
  cancelErrors?: FieldErrors<"reason">;
  reason?: string;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { message, Summary } = useFieldErrors(cancelErrors, { reason: "reason" });
  const confirmed = attendees.filter((a) => a.status === "confirmed");
  const waiting = attendees.filter((a) => a.status === "waiting");
  return (
    <AdminLayout title={plain(event.title)} section="events" abilities={abilities}>
      <Summary />
      <h1 class="sh-heading-xl">
        <Localized text={event.title} />
      </h1>
      {event.cancelledAt && (
        <p class="sh-body-text">
          <StatusTag tone="danger">{t("events.status.cancelled")}</StatusTag>{" "}
          {t("events.cancelledBecause", { reason: event.cancelReason ?? "" })}
        </p>
      )}
      <p class="sh-body-text">
        {formatEventTime(event.startsAt, locale)} ·{" "}
        {t("events.admin.counts", {
          confirmed: confirmed.length,
          capacity: event.capacity,
          waiting: waiting.length,
        })}
      </p>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href={href(`/events/${event.id}`)}>
            {t("events.admin.publicPage")}
          </a>
        </li>
        {canUpdate && (
          <li>
            <a class="sh-link" href={href(`/admin/events/${event.id}/edit`)}>
              {t("events.admin.edit")}
            </a>
          </li>
        )}
      </ul>
      <h2 class="sh-heading-l">{t("events.admin.attendanceTitle")}</h2>
      {confirmed.length === 0 ? (
        <p class="sh-body-text">{t("events.admin.nobody")}</p>
      ) : (
        <Form action={`/admin/events/${event.id}/attendance`}>
          <Checkboxes
            id="present"
            name="present"
            label={t("events.admin.attendanceLegend")}
            items={confirmed.map((a) => ({ value: a.id, label: a.name }))}
            values={confirmed.filter((a) => a.attended).map((a) => a.id)}
          />
          <Button>{t("events.admin.saveAttendance")}</Button>
        </Form>
      )}
      <h2 class="sh-heading-l">{t("events.admin.waitingTitle")}</h2>
      {waiting.length === 0 ? (
        <p class="sh-body-text">{t("events.admin.nobodyWaiting")}</p>
      ) : (
        <ol class="sh-list sh-list--bullet">
          {waiting.map((a) => (
            <li key={a.id}>
              {a.name} <StatusTag>{t("events.status.waiting")}</StatusTag>
            </li>
          ))}
        </ol>
      )}
      {canUpdate && !event.cancelledAt && (
        <section aria-labelledby="cancel-event">
          <h2 id="cancel-event" class="sh-heading-l">
            {t("events.admin.cancelTitle")}
          </h2>
          <Form action={`/admin/events/${event.id}/cancel`}>
            <Textarea
              id="reason"
              name="reason"
              label={t("events.admin.cancelReason")}
              hint={t("events.admin.cancelHint")}
              value={reason ?? ""}
              error={message("reason")}
              rows={3}
            />
            <Button variant="warning">{t("events.admin.cancel")}</Button>
          </Form>
        </section>
      )}
    </AdminLayout>
  );
}
