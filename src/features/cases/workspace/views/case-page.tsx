import { formatDateTime } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Localized, usePlainName } from "../../../../core/views/localized-text.js";
import { REFUSAL_ARTICLE } from "../../access-law.js";
import { appealOpen } from "../../appeals.js";
import type { caseAttachments } from "../../tables.js";
import type { CaseDeadlineState } from "../deadline-state.js";
import type { CaseAbilities } from "../policy.js";
import type { CaseRow, TimelineEntry, TransferHop } from "../queries/case.js";
import type { Handler } from "../queries/handlers.js";
import type { SimilarCase } from "../queries/similar.js";
import type { QueuePlace } from "../routes/queue-place.js";
import type { ResponseTemplate } from "../templates.js";
import { CaseActions } from "./case-actions.js";
import { CaseAttachments, CaseContact, CaseDeadline, TransferChain } from "./case-details.js";
import { CaseFormErrors, type CaseForms, hasOtherActions } from "./case-forms.js";
import { CaseTimeline } from "./case-timeline.js";
import { CaseStatusTag, DeadlineTag, MultilineText } from "./labels.js";
import { ReplyForm } from "./reply-form.js";
import { SimilarCases } from "./similar-cases.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";

export interface CasePageData {
  c: CaseRow;
  abilities: CaseAbilities;
  structureName: LocalizedText;
  /** Whose admins review the latest appeal (the central office's name for a second appeal). */
  appealStructureName: LocalizedText | null;
  categoryName: LocalizedText | null;
  governorateName: LocalizedText | null;
  /** The team whose queue the request is in (a routing rule sent it there). */
  teamName: LocalizedText | null;
  /** Names of the teams its timeline mentions. */
  teams: Map<string, LocalizedText>;
  /** The municipality the request comes from, when the person named one. */
  municipality: { id: string; name: LocalizedText } | null;
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
export function CasePage({
  data,
  nav,
  forms,
  queue,
}: {
  data: CasePageData;
  nav: StaffNav;
  forms: CaseForms;
  /** The queue it was opened from and the next request in it (none when that queue is not the actor's). */
  queue: QueuePlace | null;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { c } = data;
  const from = queue?.carried ? queue.query : undefined;
  const title = `${c.reference} · ${c.subject}`;
  return (
    <StaffLayout title={title} section="queue" nav={nav}>
      <Breadcrumbs
        items={[
          {
            text: t("cases.workspace.nav.queue"),
            href: href(`/staff/requests?${queue?.query ?? `structure=${c.structureId}`}`),
          },
          { text: c.reference },
        ]}
      />
      <CaseFormErrors forms={forms} />
      <p class="sh-hint">
        <Reference>{c.reference}</Reference>
      </p>
      <UserText as="h1" class="sh-heading-xl">
        {c.subject}
      </UserText>
      <ul class="sh-tag-list">
        <li>
          <CaseStatusTag status={c.status} />
        </li>
        <li>
          <DeadlineTag state={data.deadline.state} />
        </li>
        {c.needsTriage && (
          <li>
            <StatusTag tone="info">{t("cases.workspace.case.triage")}</StatusTag>
          </li>
        )}
        {c.transferCount >= 2 && (
          <li>
            <StatusTag tone="danger">
              {t("cases.workspace.case.transfers", { count: c.transferCount })}
            </StatusTag>
          </li>
        )}
      </ul>
      {queue && (
        <p class="sh-body-text" id="next-case">
          {queue.nextId ? (
            <a
              class="sh-link"
              href={href(`/staff/requests/${queue.nextId}?from=${encodeURIComponent(queue.query)}`)}
            >
              {t("cases.workspace.case.next")}
            </a>
          ) : (
            t("cases.workspace.case.nextNone")
          )}
        </p>
      )}

      <div class="sh-case">
        <div class="sh-case__main">
          <h2 class="sh-heading-l">{t("cases.workspace.case.descriptionTitle")}</h2>
          <MultilineText text={c.description} />
          <ReplyForm data={data} forms={forms} from={from} />

          <SummaryList>
            <SummaryRow label={t("cases.workspace.fields.type")}>
              {t(`cases.workspace.type.${c.type}`)}
            </SummaryRow>
            <SummaryRow label={t("cases.workspace.fields.structure")}>
              <Localized text={data.structureName} />
            </SummaryRow>
            {data.categoryName && (
              <SummaryRow label={t("cases.workspace.fields.category")}>
                <Localized text={data.categoryName} />
              </SummaryRow>
            )}
            <SummaryRow label={t("cases.workspace.fields.submitted")}>
              {formatDateTime(c.createdAt, locale)}
            </SummaryRow>
            <SummaryRow label={t("cases.workspace.fields.channel")}>
              {t(`cases.channels.${c.channel}`)}
            </SummaryRow>
            {c.outcome && (
              <SummaryRow label={t("cases.workspace.fields.outcome")}>
                {t(`cases.workspace.outcome.${c.outcome}`)}
              </SummaryRow>
            )}
            {c.refusalGround && (
              <SummaryRow label={t("cases.access.groundTitle")}>
                {t("cases.access.groundWithArticle", {
                  ground: t(`cases.access.ground.${c.refusalGround}`),
                  article: REFUSAL_ARTICLE,
                })}
              </SummaryRow>
            )}
            {c.appealLevel > 0 && (
              <SummaryRow label={t("cases.workspace.appeal.title")}>
                {t(appealOpen(c) ? "cases.workspace.appeal.open" : "cases.workspace.appeal.decided", {
                  level: c.appealLevel,
                  structure: data.appealStructureName
                    ? plain(data.appealStructureName)
                    : t("cases.workspace.appeal.platform"),
                  since: c.appealedAt ? formatDateTime(c.appealedAt, locale) : "",
                })}
              </SummaryRow>
            )}
            {data.duplicateOf && (
              <SummaryRow label={t("cases.workspace.fields.duplicateOf")}>
                <a class="sh-link" href={href(`/staff/requests/${data.duplicateOf.id}`)}>
                  <Reference>{data.duplicateOf.reference}</Reference>
                </a>
              </SummaryRow>
            )}
            {data.teamName && (
              <SummaryRow label={t("cases.workspace.fields.team")}>
                <Localized text={data.teamName} />
              </SummaryRow>
            )}
            <SummaryRow label={t("cases.workspace.fields.assignee")}>
              <UserText>{data.assigneeName ?? t("cases.workspace.queue.unassigned")}</UserText>
            </SummaryRow>
            {(data.governorateName || data.municipality || c.address) && (
              <SummaryRow label={t("cases.workspace.fields.place")}>
                {data.municipality && <Localized text={data.municipality.name} />}
                {data.municipality && (data.governorateName || c.address) ? " · " : ""}
                {data.governorateName && <Localized text={data.governorateName} />}
                {data.governorateName && c.address ? " · " : ""}
                {c.address && <UserText>{c.address}</UserText>}
              </SummaryRow>
            )}
          </SummaryList>

          <CaseDeadline data={data} />
          <CaseContact data={data} />
          <CaseAttachments data={data} />
          <TransferChain data={data} />

          <CaseTimeline
            events={data.events}
            structures={
              new Map([
                [data.c.structureId, data.structureName],
                ...(data.municipality
                  ? [[data.municipality.id, data.municipality.name] as [string, LocalizedText]]
                  : []),
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
            teams={data.teams}
          />
        </div>
        {(hasOtherActions(data.abilities) || data.similar.length > 0) && (
          <aside class="sh-case__side" aria-label={t("cases.workspace.actions.title")}>
            <CaseActions data={data} forms={forms} from={from} />
            <SimilarCases data={data} />
          </aside>
        )}
      </div>
    </StaffLayout>
  );
}
