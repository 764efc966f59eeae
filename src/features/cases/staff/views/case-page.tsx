import { formatDateTime, formatNumber } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Localized, usePlainName } from "../../../structures/views/localized-text.js";
import { EXTENSION, REFUSAL_ARTICLE, trackValues } from "../../access-law.js";
import { appealOpen } from "../../appeals.js";
import type { caseAttachments } from "../../tables.js";
import type { CaseDeadlineState } from "../deadline-state.js";
import type { CaseAbilities } from "../policy.js";
import type { CaseRow, TimelineEntry, TransferHop } from "../queries/case.js";
import type { Handler } from "../queries/handlers.js";
import type { SimilarCase } from "../queries/similar.js";
import type { ResponseTemplate } from "../templates.js";
import { CaseActions, CaseFormErrors, type CaseForms, SimilarCases } from "./case-actions.js";
import { CaseTimeline } from "./case-timeline.js";
import { CaseStatusTag, DateText, DeadlineTag, MultilineText } from "./labels.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";

export interface CasePageData {
  c: CaseRow;
  abilities: CaseAbilities;
  structureName: LocalizedText;
  /** Whose admins review the latest appeal (the central office's name for a second appeal). */
  appealStructureName: LocalizedText | null;
  categoryName: LocalizedText | null;
  governorateName: LocalizedText | null;
  assigneeName: string | null;
  /** The submitter's account, when the request was sent signed in. */
  submitter: { name: string; email: string | null } | null;
  deadline: { state: CaseDeadlineState; workingDays: number | null; legalBasis: LocalizedText | null };
  events: TimelineEntry[];
  attachments: Array<typeof caseAttachments.$inferSelect>;
  chain: Array<TransferHop & { fromName: LocalizedText; toName: LocalizedText }>;
  handlers: Handler[];
  templates: ResponseTemplate[];
  transferTargets: Array<{ id: string; name: LocalizedText }>;
  duplicateOf: { id: string; reference: string } | null;
  /** Open requests that may be the same one, best first (none once this one is closed). */
  similar: SimilarCase[];
}

/** One request as staff see it: what was asked, by whom, its deadline, history and the actions. */
export function CasePage({ data, nav, forms }: { data: CasePageData; nav: StaffNav; forms: CaseForms }) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { c } = data;
  const title = `${c.reference} · ${c.subject}`;
  const row = (label: string, value: preact.ComponentChildren) => (
    <div class="sh-summary-list__row">
      <dt class="sh-summary-list__key">{label}</dt>
      <dd class="sh-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <StaffLayout title={title} section="queue" nav={nav}>
      <Breadcrumbs
        items={[
          { text: t("cases.staff.nav.queue"), href: href(`/staff/requests?structure=${c.structureId}`) },
          { text: c.reference },
        ]}
      />
      <CaseFormErrors forms={forms} />
      <p class="sh-hint" dir="ltr">
        {c.reference}
      </p>
      <h1 class="sh-heading-xl">
        <bdi>{c.subject}</bdi>
      </h1>
      <ul class="sh-tag-list">
        <li>
          <CaseStatusTag status={c.status} />
        </li>
        <li>
          <DeadlineTag state={data.deadline.state} />
        </li>
        {c.needsTriage && (
          <li>
            <StatusTag tone="info">{t("cases.staff.case.triage")}</StatusTag>
          </li>
        )}
        {c.transferCount >= 2 && (
          <li>
            <StatusTag tone="danger">{t("cases.staff.case.transfers", { count: c.transferCount })}</StatusTag>
          </li>
        )}
      </ul>

      <dl class="sh-summary-list">
        {row(t("cases.staff.fields.type"), t(`cases.staff.type.${c.type}`))}
        {row(t("cases.staff.fields.structure"), <Localized text={data.structureName} />)}
        {data.categoryName && row(t("cases.staff.fields.category"), <Localized text={data.categoryName} />)}
        {row(t("cases.staff.fields.submitted"), formatDateTime(c.createdAt, locale))}
        {row(t("cases.staff.fields.channel"), t(`cases.channels.${c.channel}`))}
        {c.outcome && row(t("cases.staff.fields.outcome"), t(`cases.staff.outcome.${c.outcome}`))}
        {c.refusalGround &&
          row(
            t("cases.access.groundTitle"),
            t("cases.access.groundWithArticle", {
              ground: t(`cases.access.ground.${c.refusalGround}`),
              article: REFUSAL_ARTICLE,
            }),
          )}
        {c.appealLevel > 0 &&
          row(
            t("cases.staff.appeal.title"),
            t(appealOpen(c) ? "cases.staff.appeal.open" : "cases.staff.appeal.decided", {
              level: c.appealLevel,
              structure: data.appealStructureName
                ? plain(data.appealStructureName)
                : t("cases.staff.appeal.platform"),
              since: c.appealedAt ? formatDateTime(c.appealedAt, locale) : "",
            }),
          )}
        {data.duplicateOf &&
          row(
            t("cases.staff.fields.duplicateOf"),
            <a class="sh-link" dir="ltr" href={href(`/staff/requests/${data.duplicateOf.id}`)}>
              {data.duplicateOf.reference}
            </a>,
          )}
        {row(t("cases.staff.fields.assignee"), data.assigneeName ?? t("cases.staff.queue.unassigned"))}
        {(data.governorateName || c.address) &&
          row(
            t("cases.staff.fields.place"),
            <>
              {data.governorateName && <Localized text={data.governorateName} />}
              {data.governorateName && c.address ? " · " : ""}
              {c.address && <bdi>{c.address}</bdi>}
            </>,
          )}
      </dl>

      <h2 class="sh-heading-l">{t("cases.staff.case.deadlineTitle")}</h2>
      {c.pausedAt ? (
        <p class="sh-body-text">
          {t("cases.staff.case.pausedSince", { date: formatDateTime(c.pausedAt, locale) })}
        </p>
      ) : c.dueAt ? (
        <p class="sh-body-text">
          {t("cases.staff.case.dueOn")} <DateText date={c.dueAt} />{" "}
          <DeadlineTag state={data.deadline.state} />
        </p>
      ) : (
        <p class="sh-body-text">{t("cases.staff.case.noDeadline")}</p>
      )}
      {c.accessTrack && (
        <p class="sh-hint">
          {t(`cases.access.track.${c.accessTrack}`, trackValues(c.accessTrack))}
          {c.extendedAt &&
            ` ${t("cases.access.extendedOn", {
              date: formatDateTime(c.extendedAt, locale),
              days: EXTENSION.days,
              article: EXTENSION.article,
            })}`}
        </p>
      )}
      {data.deadline.workingDays !== null && (
        <p class="sh-hint">
          {t("cases.staff.case.workingDays", { count: data.deadline.workingDays })}
          {data.deadline.legalBasis && (
            <>
              {" "}
              {t("cases.staff.case.legalBasis")} <Localized text={data.deadline.legalBasis} />
            </>
          )}
        </p>
      )}

      <h2 class="sh-heading-l">{t("cases.staff.case.descriptionTitle")}</h2>
      <MultilineText text={c.description} />

      <h2 class="sh-heading-l">{t("cases.staff.case.contactTitle")}</h2>
      {!data.abilities.viewContact ? (
        <p class="sh-body-text">{t("cases.staff.case.anonymous")}</p>
      ) : (
        <dl class="sh-summary-list">
          {row(
            t("cases.staff.fields.contactName"),
            <bdi>{c.contactName ?? data.submitter?.name ?? "—"}</bdi>,
          )}
          {row(
            t("cases.staff.fields.contactEmail"),
            <span dir="ltr">{c.contactEmail ?? data.submitter?.email ?? "—"}</span>,
          )}
          {c.contactPhone &&
            row(t("cases.staff.fields.contactPhone"), <span dir="ltr">{c.contactPhone}</span>)}
          {c.contactAddress &&
            row(t("cases.staff.fields.contactAddress"), <MultilineText text={c.contactAddress} />)}
          {row(
            t("cases.staff.fields.account"),
            data.submitter ? t("cases.staff.case.hasAccount") : t("cases.staff.case.noAccount"),
          )}
        </dl>
      )}

      <h2 class="sh-heading-l">{t("cases.staff.case.attachmentsTitle")}</h2>
      {data.attachments.length === 0 ? (
        <p class="sh-body-text">{t("cases.staff.case.noAttachments")}</p>
      ) : (
        <ul class="sh-body-text">
          {data.attachments.map((a, i) => (
            <li key={a.id}>
              <a class="sh-link" href={href(`/staff/requests/${c.id}/files/${a.id}`)}>
                {t("cases.staff.case.attachment", {
                  n: i + 1,
                  type: a.mime,
                  size: formatNumber(Math.ceil(a.size / 1024), locale),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}

      {data.chain.length > 0 && (
        <>
          <h2 class="sh-heading-l">{t("cases.staff.case.chainTitle")}</h2>
          <ol class="sh-body-text">
            {data.chain.map((hop, i) => (
              <li key={i}>
                {t("cases.staff.case.hop", { from: plain(hop.fromName), to: plain(hop.toName) })} (
                <DateText date={hop.at} />
                {hop.actorName ? `, ${hop.actorName}` : ""})
                {hop.reason && (
                  <>
                    {" — "}
                    <bdi>{hop.reason}</bdi>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}

      <CaseTimeline
        events={data.events}
        structures={
          new Map([
            [data.c.structureId, data.structureName],
            ...data.chain.flatMap(
              (h) =>
                [
                  [h.from, h.fromName],
                  [h.to, h.toName],
                ] as Array<[string, LocalizedText]>,
            ),
          ])
        }
        people={new Map(data.handlers.map((h) => [h.id, h.name]))}
      />
      <SimilarCases data={data} />
      <CaseActions data={data} forms={forms} />
    </StaffLayout>
  );
}
