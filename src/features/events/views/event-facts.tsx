import { formatEventTime } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
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
    <SummaryList>
      <SummaryRow label={t("events.facts.when")}>
        <time dateTime={event.startsAt.toISOString()}>{formatEventTime(event.startsAt, locale)}</time>
        {" – "}
        <time dateTime={event.endsAt.toISOString()}>{formatEventTime(event.endsAt, locale)}</time>
      </SummaryRow>
      <SummaryRow label={t("events.facts.where")}>
        {event.mode === "online" ? (
          t("events.mode.online")
        ) : (
          <>
            <Localized text={event.venue} />
            {Object.keys(event.venue).length > 0 && " · "}
            <Localized text={governorates.get(event.governorateCode ?? "")} />
          </>
        )}
      </SummaryRow>
      <SummaryRow label={t("events.facts.organiser")}>
        <a class="sh-link" href={`/${locale}/structures/${event.structure.code}`}>
          <Localized text={event.structure.name} />
        </a>
      </SummaryRow>
      <SummaryRow label={t("events.facts.places")}>
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
      </SummaryRow>
    </SummaryList>
  );
}
