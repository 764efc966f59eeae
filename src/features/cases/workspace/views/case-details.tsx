import { formatDateTime, formatNumber } from "../../../../core/i18n/format.js";
import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Localized, usePlainName } from "../../../../core/views/localized-text.js";
import { EXTENSION, trackValues } from "../../access-law.js";
import type { CasePageData } from "./case-page.js";
import { DateText, DeadlineTag, MultilineText } from "./labels.js";

/** A row of a summary list: a label and its value. */

/** The legal clock: when it is due (or paused since when), its track, and the law behind it. */
export function CaseDeadline({ data }: { data: CasePageData }) {
  const { t, locale } = usePage();
  const { c } = data;
  return (
    <>
      <h2 class="sh-heading-l">{t("cases.workspace.case.deadlineTitle")}</h2>
      {c.pausedAt ? (
        <p class="sh-body-text">
          {t("cases.workspace.case.pausedSince", { date: formatDateTime(c.pausedAt, locale) })}
        </p>
      ) : c.dueAt ? (
        <p class="sh-body-text">
          {t("cases.workspace.case.dueOn")} <DateText date={c.dueAt} />{" "}
          <DeadlineTag state={data.deadline.state} />
        </p>
      ) : (
        <p class="sh-body-text">{t("cases.workspace.case.noDeadline")}</p>
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
          {t("cases.workspace.case.workingDays", { count: data.deadline.workingDays })}
          {data.deadline.legalBasis && (
            <>
              {" "}
              {t("cases.workspace.case.legalBasis")} <Localized text={data.deadline.legalBasis} />
            </>
          )}
        </p>
      )}
    </>
  );
}

/** How to reach the person, unless they wrote anonymously. */
export function CaseContact({ data }: { data: CasePageData }) {
  const { t } = usePage();
  const { c } = data;
  return (
    <>
      <h2 class="sh-heading-l">{t("cases.workspace.case.contactTitle")}</h2>
      {!data.abilities.viewContact ? (
        <p class="sh-body-text">{t("cases.workspace.case.anonymous")}</p>
      ) : (
        <SummaryList>
          <SummaryRow label={t("cases.workspace.fields.contactName")}>
            <UserText>{c.contactName ?? data.submitter?.name ?? "—"}</UserText>
          </SummaryRow>
          <SummaryRow label={t("cases.workspace.fields.contactEmail")}>
            <Reference>{c.contactEmail ?? data.submitter?.email ?? "—"}</Reference>
          </SummaryRow>
          {c.contactPhone && (
            <SummaryRow label={t("cases.workspace.fields.contactPhone")}>
              <Reference>{c.contactPhone}</Reference>
            </SummaryRow>
          )}
          {c.contactAddress && (
            <SummaryRow label={t("cases.workspace.fields.contactAddress")}>
              <MultilineText text={c.contactAddress} />
            </SummaryRow>
          )}
          <SummaryRow label={t("cases.workspace.fields.account")}>
            {data.submitter ? t("cases.workspace.case.hasAccount") : t("cases.workspace.case.noAccount")}
          </SummaryRow>
        </SummaryList>
      )}
    </>
  );
}

/** The files sent with the request, each opened through its staff link. */
export function CaseAttachments({ data }: { data: CasePageData }) {
  const { t, locale } = usePage();
  const href = useHref();
  const { c } = data;
  return (
    <>
      <h2 class="sh-heading-l">{t("cases.workspace.case.attachmentsTitle")}</h2>
      {data.attachments.length === 0 ? (
        <p class="sh-body-text">{t("cases.workspace.case.noAttachments")}</p>
      ) : (
        <ul class="sh-body-text">
          {data.attachments.map((a, i) => (
            <li key={a.id}>
              <a class="sh-link" href={href(`/staff/requests/${c.id}/files/${a.id}`)}>
                {t("cases.workspace.case.attachment", {
                  n: i + 1,
                  type: a.mime,
                  size: formatNumber(Math.ceil(a.size / 1024), locale),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Where the request went, transfer by transfer, with who moved it and why. */
export function TransferChain({ data }: { data: CasePageData }) {
  const { t } = usePage();
  const plain = usePlainName();
  return (
    <>
      {data.chain.length > 0 && (
        <>
          <h2 class="sh-heading-l">{t("cases.workspace.case.chainTitle")}</h2>
          <ol class="sh-body-text">
            {data.chain.map((hop, i) => (
              <li key={i}>
                {t("cases.workspace.case.hop", { from: plain(hop.fromName), to: plain(hop.toName) })} (
                <DateText date={hop.at} />
                {hop.actorName && [", ", <UserText key="a">{hop.actorName}</UserText>]})
                {hop.reason && (
                  <>
                    {" — "}
                    <UserText>{hop.reason}</UserText>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
