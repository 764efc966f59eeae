import { formatDate, formatNumber } from "../../../core/i18n/format.js";
import { StatusTag, type StatusTone } from "../../../core/views/components/status-tag/status-tag.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import type { Phase } from "../phase.js";
import type { BudgetRow, DistrictRow, ProposalStatus } from "../tables.js";

/** An amount in millimes, in dinars with the currency, in the page's language. */
export function useMoney(): (millimes: number) => string {
  const { t, locale } = usePage();
  return (millimes) => t("budgets.money", { amount: formatNumber(millimes / 1000, locale) });
}

const PHASE_TONE: Record<Phase, StatusTone> = {
  upcoming: "neutral",
  proposals: "new",
  review: "info",
  voting: "warning",
  results: "success",
  implementation: "success",
};

export function PhaseTag({ phase }: { phase: Phase }) {
  const { t } = usePage();
  return <StatusTag tone={PHASE_TONE[phase]}>{t(`budgets.phase.${phase}`)}</StatusTag>;
}

const STATUS_TONE: Record<ProposalStatus, StatusTone> = {
  submitted: "info",
  accepted: "success",
  rejected: "danger",
  merged: "neutral",
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = usePage();
  return <StatusTag tone={STATUS_TONE[status]}>{t(`budgets.status.${status}`)}</StatusTag>;
}

/** The budget's dates, one row a phase. */
export function PhaseDates({ budget }: { budget: BudgetRow }) {
  const { t, locale } = usePage();
  const rows: Array<[Phase, Date]> = [
    ["proposals", budget.proposalsFrom],
    ["review", budget.reviewFrom],
    ["voting", budget.votingFrom],
    ["results", budget.resultsFrom],
    ["implementation", budget.implementationFrom],
  ];
  return (
    <SummaryList>
      {rows.map(([phase, from]) => (
        <SummaryRow key={phase} label={t(`budgets.phase.${phase}`)}>
          {t("budgets.budget.from", { date: formatDate(from, locale) })}
        </SummaryRow>
      ))}
    </SummaryList>
  );
}

/** A pool's name: its district, or the whole city. */
export function PoolName({
  districtId,
  districts,
}: {
  districtId: string | null;
  districts: readonly DistrictRow[];
}) {
  const { t } = usePage();
  const d = districts.find((x) => x.id === districtId);
  return d ? <Localized text={d.name} /> : t("budgets.cityWide");
}
