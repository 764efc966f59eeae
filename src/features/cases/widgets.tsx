import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { WidgetKind, WidgetStructure } from "../../core/features/contracts.js";
import { formatDate, formatNumber } from "../../core/i18n/format.js";
import { Button } from "../../core/views/components/button/button.js";
import { Radios } from "../../core/views/components/radios/radios.js";
import { usePage } from "../../core/views/context.js";
import { Localized } from "../../core/views/localized-text.js";
import type { Db } from "../../db/client.js";
import { structureCategories } from "../structures/tables.js";
import { STATS_MIN_CASES, structureCaseStats } from "./stats/queries.js";
import { cases } from "./tables.js";

const REQUEST_TYPES = ["notice", "complaint", "suggestion", "guidance", "information"] as const;

interface AnsweredRequest {
  type: (typeof cases.$inferSelect)["type"];
  category: (typeof structureCategories.$inferSelect)["name"] | null;
  answeredAt: Date;
  days: number;
}

interface Answered {
  enough: boolean;
  received: number;
  answered: number;
  latest: AnsweredRequest[];
}

/**
 * The latest requests answered: only their type, category, date and time to answer (never the
 * subject or the text, which may name people), and only once the structure holds enough requests
 * (as for its public figures) that nothing points at anyone.
 */
async function loadAnswered(db: Db, structure: WidgetStructure): Promise<Answered> {
  const stats = await structureCaseStats(db, structure.id);
  if (stats.received < STATS_MIN_CASES)
    return { enough: false, received: stats.received, answered: stats.answered, latest: [] };
  const latest = await db
    .select({
      type: cases.type,
      category: structureCategories.name,
      answeredAt: sql<Date>`${cases.answeredAt}`.mapWith((v) => new Date(v)),
      days: sql<number>`greatest(0, extract(day from ${cases.answeredAt} - ${cases.createdAt}))::int`,
    })
    .from(cases)
    .leftJoin(structureCategories, eq(structureCategories.id, cases.categoryId))
    .where(and(eq(cases.structureId, structure.id), isNotNull(cases.answeredAt)))
    .orderBy(desc(cases.answeredAt))
    .limit(5);
  return { enough: true, received: stats.received, answered: stats.answered, latest };
}

function AnsweredBody({ data }: { data: Answered }) {
  const { t, locale } = usePage();
  if (!data.enough) return <p class="sh-body-text">{t("widgets.answered.notEnough")}</p>;
  return (
    <>
      <p class="sh-body-text">
        {t("widgets.answered.figures", {
          answered: formatNumber(data.answered, locale),
          received: formatNumber(data.received, locale),
        })}
      </p>
      <ul class="sh-list">
        {data.latest.map((r, i) => (
          <li key={i} class="sh-widget__item">
            <strong>{t(`cases.types.${r.type}`)}</strong>
            {r.category && (
              <>
                {" · "}
                <Localized text={r.category} />
              </>
            )}
            <br />
            {t("widgets.answered.when", { date: formatDate(r.answeredAt, locale), days: r.days })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A form that starts a request to the structure, in a new tab. */
function RequestBody({ code }: { code: string }) {
  const { t, locale } = usePage();
  return (
    <form method="get" action={`/${locale}/requests/new`} target="_blank" rel="noopener">
      <input type="hidden" name="structure" value={code} />
      <Radios
        id="type"
        name="type"
        label={t("widgets.request.question")}
        value="complaint"
        items={REQUEST_TYPES.map((type) => ({ value: type, label: t(`cases.types.${type}`) }))}
      />
      <Button>{t("widgets.request.start")}</Button>
    </form>
  );
}

/** The structure's answered requests, and a form to send it one. */
export const caseWidgets: WidgetKind[] = [
  {
    kind: "answered",
    titleKey: "widgets.kind.answered",
    order: 20,
    body: async (db, structure) => <AnsweredBody data={await loadAnswered(db, structure)} />,
  },
  {
    kind: "request",
    titleKey: "widgets.kind.request",
    order: 30,
    body: async (_db, structure) => <RequestBody code={structure.code} />,
  },
];
