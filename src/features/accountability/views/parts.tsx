import { formatDay, formatNumber } from "../../../core/i18n/format.js";
import { StatusTag, type StatusTone } from "../../../core/views/components/status-tag/status-tag.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import { isLate, type ResultSummary } from "../queries.js";
import type { ResultStatus } from "../tables.js";

export const STATUS_TONES: Record<ResultStatus, StatusTone> = {
  planned: "neutral",
  in_progress: "info",
  done: "success",
  delayed: "danger",
  dropped: "warning",
};

export const todayIso = () => new Date().toISOString().slice(0, 10);

/** A result's progress: a native progress bar (read out by screen readers) with its percentage. */
export function ProgressBar({ value, id }: { value: number; id: string }) {
  const { t } = usePage();
  return (
    <p class="sh-progress">
      <label class="sh-progress__label" for={id}>
        {t("accountability.progress.label", { progress: value })}
      </label>{" "}
      <progress id={id} class="sh-progress__bar" max={100} value={value}>
        {t("accountability.progress.label", { progress: value })}
      </progress>
    </p>
  );
}

/** Its status, and "late" beside it when it is past its end date (or delayed). */
export function StatusTags({ r }: { r: { status: ResultStatus; endsOn: string | null } }) {
  const { t } = usePage();
  const late = isLate(r, todayIso()) && r.status !== "delayed";
  return (
    <span class="sh-tag-list">
      <StatusTag tone={STATUS_TONES[r.status]}>{t(`accountability.status.${r.status}`)}</StatusTag>
      {late && <StatusTag tone="danger">{t("accountability.status.late")}</StatusTag>}
    </span>
  );
}

/** When it runs, as far as it is known. */
export function Dates({ r }: { r: { startsOn: string | null; endsOn: string | null } }) {
  const { t, locale } = usePage();
  const d = (iso: string) => formatDay(iso, locale);
  if (r.startsOn && r.endsOn)
    return <>{t("accountability.dates.between", { start: d(r.startsOn), end: d(r.endsOn) })}</>;
  if (r.endsOn) return <>{t("accountability.dates.until", { end: d(r.endsOn) })}</>;
  if (r.startsOn) return <>{t("accountability.dates.from", { start: d(r.startsOn) })}</>;
  return <>{t("accountability.dates.none")}</>;
}

/** An amount in dinars. */
export function Dinars({ amount }: { amount: string }) {
  const { t, locale } = usePage();
  return <>{t("accountability.budget.amount", { amount: formatNumber(Number(amount), locale) })}</>;
}

/** Results as a list: title, structure, status, dates and progress. */
export function ResultList({ rows, idPrefix = "r" }: { rows: ResultSummary[]; idPrefix?: string }) {
  const href = useHref();
  return (
    <ul class="sh-result-list">
      {rows.map((r) => (
        <li key={r.id} class="sh-result-list__item">
          <h3 class="sh-heading-s">
            <a class="sh-link" href={href(`/accountability/${r.id}`)}>
              <Localized text={r.title} />
            </a>{" "}
            <StatusTags r={r} />
          </h3>
          <p class="sh-caption">
            <Localized text={r.structureName} /> · <Dates r={r} />
          </p>
          <ProgressBar value={r.progress} id={`${idPrefix}-${r.id}`} />
        </li>
      ))}
    </ul>
  );
}
