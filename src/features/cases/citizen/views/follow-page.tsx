import type { FieldErrors } from "../../../../core/forms.js";
import { formatDate, formatDateTime } from "../../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { NotificationBanner } from "../../../../core/views/components/notification-banner/notification-banner.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../../core/views/components/util.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Layout } from "../../../../core/views/layout.js";
import { Problem } from "../../../../core/views/problem.js";
import { accessRefusal, EXTENSION, REFUSAL_ARTICLE, trackValues } from "../../access-law.js";
import { appealRouteText } from "../../appeal-route-text.js";
import { appealOpen, appealWindow } from "../../appeals.js";
import { canTransition } from "../../lifecycle.js";
import type { CaseRow } from "../../queries.js";
import { LIMITS } from "../../rules.js";
import type { caseAttachments, caseEvents } from "../../tables.js";
import { KeepPanel } from "./follow-code-pages.js";
import { STATUS_TONES } from "./status-tones.js";

export type FollowField = "answer" | "rating" | "comment" | "reason";

export interface FollowPageProps {
  row: CaseRow;
  structureName: LocalizedText;
  /** Whose admins review the latest appeal. */
  appealStructureName?: LocalizedText | null;
  events: Array<typeof caseEvents.$inferSelect>;
  attachments: Array<typeof caseAttachments.$inferSelect>;
  /** Where this page lives, locale-relative: the secret follow-up link, or /requests/<id> for the signed-in submitter. */
  base: string;
  justSubmitted?: boolean;
  /** The full follow-up URL, shown once right after submitting. */
  followUrl?: string;
  /** The request's follow-code PIN, shown with the link right after submitting. */
  pin?: string | null;
  errors?: FieldErrors<FollowField>;
  refusal?: string;
  values?: Record<string, string>;
  /** Days after an answer during which it may be reopened (the platform setting). */
  reopenWindowDays: number;
}

/** A request as its author sees it: status, deadline, history, answers, and what they can do next. */
export function FollowPage(props: FollowPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { row, events, attachments, base, errors, values = {} } = props;
  const { message, Summary } = useFieldErrors(errors, {
    answer: "answer",
    rating: "rating",
    comment: "comment",
    reason: "reason",
  });
  const structure = pickLocalized(props.structureName, locale);
  const now = new Date();
  const appeal = appealWindow(row, now, props.reopenWindowDays);
  const refusal = accessRefusal(row, now);
  const underAppeal = appealOpen(row);
  const appealWith = props.appealStructureName
    ? pickLocalized(props.appealStructureName, locale).text
    : t("cases.follow.appealPlatform");
  // The files sent with the request; those that came with an answer are shown with it, below.
  const later = new Set(events.filter((e) => e.kind !== "submitted").map((e) => e.id));
  const sent = attachments.filter((a) => !a.eventId || !later.has(a.eventId));
  const Files = ({ list }: { list: typeof attachments }) =>
    list.length === 0 ? null : (
      <ul class="sh-list">
        {list.map((a) => (
          <li key={a.id}>
            <a class="sh-link" href={href(`${base}/files/${a.id}`)}>
              {t("cases.follow.attachment", {
                n: attachments.indexOf(a) + 1,
                kind: a.mime === "application/pdf" ? "PDF" : t("cases.follow.image"),
              })}
            </a>
          </li>
        ))}
      </ul>
    );
  return (
    <Layout title={t("cases.follow.title", { reference: row.reference })}>
      <Summary />
      {props.refusal && <Problem id="refusal" title={t(props.refusal)} />}
      {props.justSubmitted && (
        <NotificationBanner
          kind="success"
          title={translateWith(t, "cases.follow.submittedTitle", {
            reference: <Reference>{row.reference}</Reference>,
          })}
        />
      )}
      {props.justSubmitted && props.followUrl && (
        <KeepPanel
          reference={row.reference}
          pin={props.pin ?? null}
          followUrl={props.followUrl}
          anonymous={row.anonymous}
          receiptHref={href(`${base}/receipt`)}
        />
      )}
      <p class="sh-caption">
        <Reference>{row.reference}</Reference>
      </p>
      <UserText as="h1" class="sh-heading-xl">
        {row.subject}
      </UserText>
      <SummaryList>
        <SummaryRow label={t("cases.fields.status")}>
          <StatusTag tone={STATUS_TONES[row.status]}>{t(`cases.status.${row.status}`)}</StatusTag>
        </SummaryRow>
        <SummaryRow label={t("cases.fields.type")}>{t(`cases.types.${row.type}`)}</SummaryRow>
        <SummaryRow
          label={t("cases.fields.structure")}
          lang={structure.lang === locale ? undefined : structure.lang}
        >
          {structure.text}
          {row.needsTriage && <> · {t("cases.follow.triage")}</>}
        </SummaryRow>
        <SummaryRow label={t("cases.fields.received")}>{formatDate(row.createdAt, locale)}</SummaryRow>
        {row.accessTrack && (
          <SummaryRow label={t("cases.access.trackTitle")}>
            {t(`cases.access.track.${row.accessTrack}`, trackValues(row.accessTrack))}
            {row.extendedAt &&
              ` ${t("cases.access.extendedOn", {
                date: formatDate(row.extendedAt, locale),
                days: EXTENSION.days,
                article: EXTENSION.article,
              })}`}
          </SummaryRow>
        )}
        {row.dueAt && ["new", "in_progress"].includes(row.status) && (
          <SummaryRow label={t("cases.fields.due")}>{formatDate(row.dueAt, locale)}</SummaryRow>
        )}
        {row.refusalGround && (
          <SummaryRow label={t("cases.access.groundTitle")}>
            {t("cases.access.groundWithArticle", {
              ground: t(`cases.access.ground.${row.refusalGround}`),
              article: REFUSAL_ARTICLE,
            })}
          </SummaryRow>
        )}
      </SummaryList>
      {underAppeal && (
        <NotificationBanner kind="info" title={t("cases.follow.appealTitle", { level: row.appealLevel })}>
          <p class="sh-body-text">
            {t("cases.follow.appealWhere", {
              structure: appealWith,
              since: row.appealedAt ? formatDate(row.appealedAt, locale) : "",
              due: row.dueAt ? formatDate(row.dueAt, locale) : "—",
            })}
          </p>
        </NotificationBanner>
      )}
      {refusal && !underAppeal && (
        <section aria-labelledby="routes-title" class="sh-inset">
          <h2 id="routes-title" class="sh-heading-m">
            {t(refusal.kind === "silence" ? "cases.access.silenceTitle" : "cases.access.refusedTitle")}
          </h2>
          <p class="sh-body-text">{t("cases.access.routesTitle")}</p>
          <ol class="sh-list sh-list--number">
            {refusal.routes.map((route, i) => (
              <li key={route.route}>{appealRouteText(t, locale, route, i === 0 ? refusal.since : null)}</li>
            ))}
          </ol>
        </section>
      )}

      <h2 class="sh-heading-l">{t("cases.follow.description")}</h2>
      <UserText as="p" class="sh-body-text sh-preserve-lines">
        {row.description}
      </UserText>
      <Files list={sent} />

      <h2 class="sh-heading-l">{t("cases.follow.history")}</h2>
      <ol class="sh-history">
        {events.map((e) => (
          <li key={e.id} class="sh-history__item">
            <p class="sh-history__what">
              <strong>{t(`cases.events.${e.kind}`, e.details)}</strong> ·{" "}
              <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, locale)}</time>
            </p>
            {e.body && (
              <UserText as="p" class="sh-body-text sh-preserve-lines">
                {e.body}
              </UserText>
            )}
            {e.kind !== "submitted" && <Files list={attachments.filter((a) => a.eventId === e.id)} />}
          </li>
        ))}
      </ol>

      {row.status === "awaiting_citizen" && (
        <section aria-labelledby="answer-title">
          <h2 id="answer-title" class="sh-heading-l">
            {t("cases.follow.answerTitle")}
          </h2>
          <Form action={`${base}/answer`}>
            <Textarea
              id="answer"
              name="answer"
              label={t("cases.follow.answerLabel")}
              value={values.answer}
              maxLength={LIMITS.reply}
              error={message("answer")}
            />
            <Button>{t("cases.follow.answerSubmit")}</Button>
          </Form>
        </section>
      )}

      {canTransition("rate", row.status) && row.satisfaction === null && (
        <section aria-labelledby="rate-title">
          <h2 id="rate-title" class="sh-heading-l">
            {t("cases.follow.rateTitle")}
          </h2>
          <Form action={`${base}/rate`}>
            <Radios
              id="rating"
              name="rating"
              inline
              label={t("cases.follow.rateLabel")}
              value={values.rating}
              error={message("rating")}
              items={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`cases.follow.rating.${n}`) }))}
            />
            <Textarea
              id="comment"
              name="comment"
              label={t("cases.follow.rateComment")}
              value={values.comment}
              maxLength={1000}
              rows={3}
              error={message("comment")}
            />
            <Button>{t("cases.follow.rateSubmit")}</Button>
          </Form>
        </section>
      )}
      {row.satisfaction !== null && (
        <p class="sh-body-text">{t("cases.follow.rated", { rating: row.satisfaction })}</p>
      )}

      {appeal && (
        <section aria-labelledby="reopen-title">
          <h2 id="reopen-title" class="sh-heading-l">
            {t("cases.follow.reopenTitle")}
          </h2>
          <p class="sh-body-text">
            {t(
              row.type === "information"
                ? "cases.follow.reopenAccess"
                : appeal.level === 1
                  ? "cases.follow.reopenFirst"
                  : "cases.follow.reopenSecond",
              { until: formatDate(appeal.until, locale) },
            )}
          </p>
          <Form action={`${base}/reopen`}>
            <Textarea
              id="reason"
              name="reason"
              label={t("cases.follow.reopenLabel")}
              value={values.reason}
              maxLength={LIMITS.reply}
              rows={4}
              error={message("reason")}
            />
            <Button variant="secondary">{t("cases.follow.reopenSubmit")}</Button>
          </Form>
        </section>
      )}
    </Layout>
  );
}
