import { type Locale, pickLocalized } from "../../../core/i18n/localized.js";
import type { EventSummary } from "../queries.js";
import type { GovernorateNames } from "./event-facts.js";

/**
 * An event as schema.org's Event: what, when, whether it still takes place, where (a venue in a
 * governorate, or online), and who organises it, for search engines.
 */
export function eventJsonLd(
  event: EventSummary,
  governorates: GovernorateNames,
  publicUrl: string,
  locale: Locale,
): Record<string, unknown> {
  const pick = (value: EventSummary["title"]) => pickLocalized(value, locale).text || undefined;
  const region = event.governorateCode ? governorates.get(event.governorateCode) : undefined;
  return {
    "@type": "Event",
    name: pick(event.title),
    description: pick(event.description),
    url: `${publicUrl}/${locale}/events/${event.id}`,
    startDate: event.startsAt.toISOString(),
    endDate: event.endsAt.toISOString(),
    eventStatus: `https://schema.org/${event.cancelledAt ? "EventCancelled" : "EventScheduled"}`,
    eventAttendanceMode: `https://schema.org/${event.mode === "online" ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"}`,
    location:
      event.mode === "online"
        ? { "@type": "VirtualLocation", url: `${publicUrl}/${locale}/events/${event.id}` }
        : {
            "@type": "Place",
            name: pick(event.venue ?? {}),
            address: {
              "@type": "PostalAddress",
              addressRegion: region && pick(region),
              addressCountry: "TN",
            },
          },
    organizer: {
      "@type": "GovernmentOrganization",
      name: pick(event.structure.name),
      url: `${publicUrl}/${locale}/structures/${event.structure.code}`,
    },
  };
}
