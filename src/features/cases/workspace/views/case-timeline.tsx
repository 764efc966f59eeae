import { formatDateTime } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../../core/views/components/util.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import type { TimelineEntry } from "../queries/case.js";
import { MultilineText } from "./labels.js";

/**
 * Everything that happened to the request, oldest first: what the citizen sees and, marked
 * "internal", what only staff see (notes, assignments, flags).
 */
export function CaseTimeline({
  events,
  structures,
  people,
  teams = new Map(),
}: {
  events: TimelineEntry[];
  /** Names of the structures transfers and routes mention. */
  structures: Map<string, LocalizedText>;
  /** Names of the people assignments mention. */
  people: Map<string, string>;
  /** Names of the teams routes mention. */
  teams?: Map<string, LocalizedText>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" class="sh-heading-l">
        {t("cases.workspace.timeline.title")}
      </h2>
      <ol class="sh-timeline">
        {events.map(({ event, actorName }) => {
          const d = event.details as Record<string, unknown>;
          const str = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
          return (
            <li key={event.id} class="sh-timeline__step sh-timeline__step--done">
              <p class="sh-timeline__title">
                {t(`cases.workspace.event.${event.kind}`)}{" "}
                {event.internal && (
                  <StatusTag tone="warning">{t("cases.workspace.timeline.internal")}</StatusTag>
                )}
              </p>
              <p class="sh-timeline__meta">
                <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, locale)}</time>
                {" · "}
                <UserText>
                  {actorName ??
                    (event.kind === "submitted" || event.kind === "citizen_replied" || event.kind === "rated"
                      ? t("cases.workspace.timeline.citizen")
                      : t("cases.workspace.timeline.system"))}
                </UserText>
              </p>
              <div class="sh-timeline__text">
                {event.kind === "assigned" && str("to") && (
                  <p class="sh-body-text">
                    {translateWith(t, "cases.workspace.timeline.assignedTo", {
                      name: <UserText>{people.get(str("to")) ?? "—"}</UserText>,
                    })}
                    {str("ruleId") && <> {t(`cases.workspace.timeline.autoAssigned.${str("strategy")}`)}</>}
                  </p>
                )}
                {event.kind === "routed" && (
                  <p class="sh-body-text">
                    {str("municipalityId")
                      ? t("cases.workspace.timeline.routedMunicipality", {
                          to: plain(structures.get(str("to"))),
                          municipality: plain(structures.get(str("municipalityId"))),
                        })
                      : t(
                          d.anyPlace
                            ? "cases.workspace.timeline.routedAnyPlace"
                            : "cases.workspace.timeline.routed",
                          {
                            to: plain(structures.get(str("to"))),
                          },
                        )}
                    {str("teamId") && (
                      <>
                        {" "}
                        {t("cases.workspace.timeline.routedTeam", { team: plain(teams.get(str("teamId"))) })}
                      </>
                    )}
                  </p>
                )}
                {event.kind === "transferred" && (
                  <p class="sh-body-text">
                    {t("cases.workspace.case.hop", {
                      from: plain(structures.get(str("from"))),
                      to: plain(structures.get(str("to"))),
                    })}
                    {str("reason") && (
                      <>
                        {" — "}
                        <UserText>{str("reason")}</UserText>
                      </>
                    )}
                  </p>
                )}
                {event.kind === "submitted" && str("channel") && str("channel") !== "web" && (
                  <p class="sh-body-text">
                    {t("cases.workspace.timeline.channel", { channel: str("channel") })}
                  </p>
                )}
                {event.kind === "closed" && str("outcome") && (
                  <p class="sh-body-text">{t(`cases.workspace.outcome.${str("outcome")}`)}</p>
                )}
                {event.kind === "info_requested" && d.paused === true && (
                  <p class="sh-body-text">{t("cases.workspace.timeline.paused")}</p>
                )}
                {event.kind === "merged" && str("reference") && (
                  <p class="sh-body-text">
                    {t(
                      str("into")
                        ? "cases.workspace.timeline.mergedInto"
                        : "cases.workspace.timeline.mergedFrom",
                    )}{" "}
                    <a class="sh-link" href={href(`/staff/requests/${str("into") || str("from")}`)}>
                      <Reference>{str("reference")}</Reference>
                    </a>
                  </p>
                )}
                {event.kind === "escalated" && str("cause") === "transferred_twice" && (
                  <p class="sh-body-text">{t("cases.workspace.timeline.bounced")}</p>
                )}
                {event.kind === "escalated" && str("cause") === "silence" && (
                  <p class="sh-body-text">{t("cases.workspace.timeline.silence")}</p>
                )}
                {event.kind === "rated" && typeof d.score === "number" && (
                  <p class="sh-body-text">{t("cases.workspace.timeline.rating", { score: d.score })}</p>
                )}
                {event.body && <MultilineText text={event.body} />}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
