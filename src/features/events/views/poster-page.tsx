import { formatEventTime } from "../../../core/i18n/format.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { Poster } from "../../../core/views/sharing.js";
import type { EventSummary } from "../queries.js";
import type { GovernorateNames } from "./event-facts.js";

/** A poster to print for an event, with a QR code to its page. */
export function EventPosterPage({
  event,
  governorates,
  url,
  qr,
}: {
  event: EventSummary;
  governorates: GovernorateNames;
  url: string;
  qr: string;
}) {
  const { t, locale } = usePage();
  const title = pickLocalized(event.title, locale).text;
  return (
    <Layout title={t("events.poster.title", { title })}>
      <Poster kicker={t(`events.kind.${event.kind}`)} title={title} url={url} qr={qr}>
        <p class="sh-poster__when">{formatEventTime(event.startsAt, locale)}</p>
        <p class="sh-poster__where">
          {event.mode === "online" ? (
            t("events.mode.online")
          ) : (
            <>
              <Localized text={event.venue} /> ·{" "}
              <Localized text={governorates.get(event.governorateCode ?? "")} />
            </>
          )}
        </p>
        <p class="sh-poster__cta">{t("events.poster.cta")}</p>
      </Poster>
    </Layout>
  );
}
