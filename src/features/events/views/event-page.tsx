import type { LocalizedText } from "../../../core/i18n/localized.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../core/views/components/util.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { ShareLinks } from "../../../core/views/sharing.js";
import type { EventSummary, Registration } from "../queries.js";
import { EventFacts, type GovernorateNames } from "./event-facts.js";
import { eventJsonLd } from "./structured-data.js";

export interface EventPageProps {
  event: EventSummary;
  governorates: GovernorateNames;
  /** The signed-in person's registration, or null (undefined: nobody signed in). */
  registration: Registration | null | undefined;
  /** Their place on the waiting list (1 = next), when waiting. */
  position: number | null;
  /** Absolute URL of this page, for sharing. */
  url: string;
  open: boolean;
  canAttendance: boolean;
}

/** One event: what, when, where; registering, leaving, the calendar file, the poster, sharing. */
export function EventPage({
  event,
  governorates,
  registration,
  position,
  url,
  open,
  canAttendance,
}: EventPageProps) {
  const { t, locale, path, publicUrl } = usePage();
  const href = useHref();
  const title = pickLocalized(event.title, locale).text;
  const full = event.confirmed >= event.capacity;
  const active = registration && registration.status !== "cancelled" ? registration : null;
  return (
    <Layout
      title={title}
      description={pickLocalized(event.description, locale).text.slice(0, 200)}
      structuredData={eventJsonLd(event, governorates, publicUrl, locale)}
    >
      <Breadcrumbs
        items={[
          { text: t("events.breadcrumbs.home"), href: href("/") },
          { text: t("events.agenda.title"), href: href("/events") },
          { text: title },
        ]}
      />
      <p class="sh-tag-list">
        <StatusTag tone="info">{t(`events.kind.${event.kind}`)}</StatusTag>
        <StatusTag>{t(`events.mode.${event.mode}`)}</StatusTag>
      </p>
      <h1 class="sh-heading-xl">
        <Localized text={event.title} />
      </h1>
      {event.cancelledAt && (
        <p class="sh-inset sh-body-text" id="event-cancelled">
          <StatusTag tone="danger">{t("events.status.cancelled")}</StatusTag>{" "}
          {translateWith(t, "events.cancelledBecause", {
            reason: <UserText>{event.cancelReason ?? ""}</UserText>,
          })}
        </p>
      )}
      <EventFacts event={event} governorates={governorates} />
      <Description text={event.description} />

      <section class="sh-inset" aria-labelledby="registration-title">
        <h2 id="registration-title" class="sh-heading-m">
          {t("events.registration.title")}
        </h2>
        {active?.status === "confirmed" && !event.cancelledAt && (
          <p class="sh-body-text" id="registration-status">
            {t("events.registration.confirmed")}
            {event.mode === "online" && event.onlineUrl && (
              <>
                {" "}
                <a class="sh-link" href={event.onlineUrl} dir="ltr">
                  {t("events.registration.join")}
                </a>
              </>
            )}
          </p>
        )}
        {active?.status === "waiting" && (
          <p class="sh-body-text" id="registration-status">
            {t("events.registration.waiting", { position: position ?? 1 })}
          </p>
        )}
        {active && open && (
          <Form action={`/events/${event.id}/cancel`}>
            <Button variant="secondary">
              {active.status === "confirmed"
                ? t("events.registration.cancel")
                : t("events.registration.leave")}
            </Button>
          </Form>
        )}
        {!active && open && registration !== undefined && (
          <Form action={`/events/${event.id}/register`}>
            <Button>
              {full ? t("events.registration.joinWaitingList") : t("events.registration.register")}
            </Button>
          </Form>
        )}
        {!active && open && registration === undefined && (
          <p class="sh-body-text">
            <a class="sh-link" href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`}>
              {t("events.registration.signIn")}
            </a>
          </p>
        )}
        {!open && <p class="sh-body-text">{t("events.registration.closed")}</p>}
      </section>

      {registration !== undefined && (
        <Form action="/subscriptions/follow">
          <input type="hidden" name="kind" value="structure" />
          <input type="hidden" name="target" value={event.structureId} />
          <input type="hidden" name="back" value={`/events/${event.id}`} />
          <Button variant="secondary">{t("subscriptions.follow.organiser")}</Button>
        </Form>
      )}
      <h2 class="sh-heading-m">{t("events.share.title")}</h2>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href={href(`/events/${event.id}/calendar.ics`)} download>
            {t("events.share.ics")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href(`/events/${event.id}/poster`)}>
            {t("events.share.poster")}
          </a>
        </li>
        {canAttendance && (
          <li>
            <a class="sh-link" href={href(`/admin/events/${event.id}`)}>
              {t("events.share.manage")}
            </a>
          </li>
        )}
      </ul>
      <ShareLinks url={url} title={title} />
    </Layout>
  );
}

/** Plain text in paragraphs (blank lines separate them). */
export function Description({ text }: { text: LocalizedText }) {
  const { locale } = usePage();
  const picked = pickLocalized(text, locale);
  if (!picked.text) return null;
  return (
    <div lang={picked.lang} dir={picked.lang === "ar" ? "rtl" : "ltr"}>
      {picked.text.split(/\n\s*\n/).map((p, i) => (
        <p key={i} class="sh-body-text">
          {p}
        </p>
      ))}
    </div>
  );
}
