import { INTL_TAG, type Translate } from "../../../core/i18n/catalog.js";
import { formatNumber } from "../../../core/i18n/format.js";
import { type Locale, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Table } from "../../../core/views/components/table/table.js";
import { usePage } from "../../../core/views/context.js";
import { durationText } from "../../cases/stats/stats-section.js";
import type { ServiceLevel } from "../level-queries.js";

/** Intl formatters are costly to build: one per locale and style, kept. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  const found = formatters.get(key) as T | undefined;
  if (found) return found;
  const made = make();
  formatters.set(key, made);
  return made;
}

export function percentText(share: number | null, locale: Locale, t: Translate): string {
  if (share === null) return t("insights.none");
  return formatter(
    `percent:${locale}`,
    () => new Intl.NumberFormat(INTL_TAG[locale], { style: "percent" }),
  ).format(share);
}

export function hoursText(hours: number | null, t: Translate): string {
  return hours === null ? t("insights.none") : durationText(hours, t);
}

export function satisfactionText(mean: number | null, locale: Locale, t: Translate): string {
  if (mean === null) return t("insights.none");
  return t("insights.outOfFive", {
    value: formatter(
      `one-decimal:${locale}`,
      () => new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 1 }),
    ).format(mean),
  });
}

export const nameOf = (name: LocalizedText | null, locale: Locale) => pickLocalized(name, locale).text;

/** A CSV link for a table. `href` is locale-relative. */
export function CsvLink({ href, label }: { href: string; label: string }) {
  const { locale, t } = usePage();
  return (
    <p class="sh-body-text sh-no-print">
      <a class="sh-link" href={`/${locale}${href}`} download>
        {t("insights.csv", { table: label })}
      </a>
    </p>
  );
}

/**
 * The service-level table. `levels` must already be filtered to what the reader may see: the public
 * page passes the ranked structures only; a structure admin's page passes their subtree.
 */
export function ServiceLevelTable({
  id,
  levels,
  caption,
}: {
  id: string;
  levels: ServiceLevel[];
  caption: string;
}) {
  const { t, locale } = usePage();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Table
      id={id}
      caption={caption}
      firstCellIsHeader
      head={[
        { text: t("insights.levels.structure") },
        { text: t("insights.levels.rank"), numeric: true },
        { text: t("insights.levels.received"), numeric: true },
        { text: t("insights.levels.answered"), numeric: true },
        { text: t("insights.levels.median"), numeric: true },
        { text: t("insights.levels.p90"), numeric: true },
        { text: t("insights.levels.inTime"), numeric: true },
        { text: t("insights.levels.backlog"), numeric: true },
        { text: t("insights.levels.overdue"), numeric: true },
        { text: t("insights.levels.transfers"), numeric: true },
        { text: t("insights.levels.satisfaction"), numeric: true },
      ]}
      rows={levels.map((l) => [
        nameOf(l.name, locale),
        l.rank === null ? t("insights.levels.notRanked") : n(l.rank),
        n(l.received),
        n(l.answered),
        hoursText(l.medianHours, t),
        hoursText(l.p90Hours, t),
        l.shareInTime === null
          ? t("insights.none")
          : t("insights.levels.share", {
              percent: percentText(l.shareInTime, locale, t),
              inTime: n(l.answeredInTime),
              known: n(l.deadlineKnown),
            }),
        n(l.backlog),
        n(l.overdue),
        t("insights.levels.transferCounts", { out: n(l.transfersOut), in: n(l.transfersIn) }),
        l.ratings === 0
          ? t("insights.none")
          : t("insights.levels.rated", {
              mean: satisfactionText(l.meanSatisfaction, locale, t),
              count: l.ratings,
            }),
      ])}
    />
  );
}
