import { formatEventTime } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import type { EventSummary } from "../queries.js";

/** Governorate names by code, for display. */
export type GovernorateNames = Map<string, LocalizedText>;

/** When, where, who organises, and how many places are left: the agenda and the event page share it. */
export function EventFacts({ event, governorates }: { event: EventSummary; governorates: GovernorateNames }) {
  const { t, locale } = usePage();
  const left = Math.max(0, event.capacity - event.confirmed);
  return (
    <dl class="sh-summary-list">
      <div class="sh-summary-list__row">
        <dt class="sh-summary-list__key">{t("events.facts.when")}</dt>
        <dd class="sh-summary-list__value">
          <time dateTime={event.startsAt.toISOString()}>{formatEventTime(event.startsAt, locale)}</time>
          {" – "}
          <time dateTime={event.endsAt.toISOString()}>{formatEventTime(event.endsAt, locale)}</time>
        </dd>
      </div>
      <div class="sh-summary-list__row">
        <dt class="sh-summary-list__key">{t("events.facts.where")}</dt>
        <dd class="sh-summary-list__value">
          {event.mode === "online" ? (
            t("events.mode.online")
          ) : (
            <>
              <Localized text={event.venue} />
              {Object.keys(event.venue).length > 0 && " · "}
              <Localized text={governorates.get(event.governorateCode ?? "")} />
            </>
          )}
        </dd>
      </div>
      <div class="sh-summary-list__row">
        <dt class="sh-summary-list__key">{t("events.facts.organiser")}</dt>
        <dd class="sh-summary-list__value">
          <a class="sh-link" href={`/${locale}/structures/${event.structure.code}`}>
            <Localized text={event.structure.name} />
          </a>
        </dd>
      </div>
      <div class="sh-summary-list__row">
        <dt class="sh-summary-list__key">{t("events.facts.places")}</dt>
        <dd class="sh-summary-list__value">
          {event.cancelledAt ? (
            <StatusTag tone="danger">{t("events.status.cancelled")}</StatusTag>
          ) : left > 0 ? (
            t("events.facts.placesLeft", { count: left, capacity: event.capacity })
          ) : (
            <>
              <StatusTag tone="warning">{t("events.status.full")}</StatusTag>{" "}
              {t("events.facts.waiting", { count: event.waiting })}
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}
