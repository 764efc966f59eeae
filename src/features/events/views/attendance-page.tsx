import type { FieldErrors } from "../../../core/forms.js";
import { formatEventTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../core/views/components/util.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { Attendee, EventSummary } from "../queries.js";

export function AttendancePage({
  event,
  attendees,
  canUpdate,
  cancelErrors,
  reason,
}: {
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
    <AdminLayout title={plain(event.title)} section="events">
      <Summary />
      <UserText as="h1" class="sh-heading-xl">
        <Localized text={event.title} />
      </UserText>
      {event.cancelledAt && (
        <p class="sh-body-text">
          <StatusTag tone="danger">{t("events.status.cancelled")}</StatusTag>{" "}
          {translateWith(t, "events.cancelledBecause", {
            reason: <UserText>{event.cancelReason ?? ""}</UserText>,
          })}
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
            items={confirmed.map((a) => ({ value: a.id, label: <UserText>{a.name}</UserText> }))}
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
              <UserText>{a.name}</UserText> <StatusTag>{t("events.status.waiting")}</StatusTag>
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
