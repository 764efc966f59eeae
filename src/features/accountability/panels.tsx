import type { RecordPanel } from "../../core/features/contracts.js";
import { useHref, usePage } from "../../core/views/context.js";
import type { Db } from "../../db/client.js";
import { listResultsFrom, listResultsOfStructure, type ResultSummary } from "./queries.js";
import { ResultList } from "./views/parts.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The results made from a record (or a structure's), with their progress and a link to all. */
function ResultsPanel({
  id,
  heading,
  rows,
  more,
}: {
  id: string;
  heading: string;
  rows: ResultSummary[];
  more?: string;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <section aria-labelledby={id} class="sh-results-panel">
      <h3 id={id} class="sh-heading-m">
        {t(heading)}
      </h3>
      <ResultList rows={rows} idPrefix={id} />
      {more && (
        <p class="sh-body-text">
          <a class="sh-link" href={href(more)}>
            {t("accountability.panel.all")}
          </a>
        </p>
      )}
    </section>
  );
}

const fromRecord =
  (origin: "consultation" | "idea" | "forum", heading: string) => async (db: Db, recordId: string) => {
    if (!UUID.test(recordId)) return null;
    const rows = await listResultsFrom(db, origin, recordId);
    return rows.length ? <ResultsPanel id="results-from" heading={heading} rows={rows} /> : null;
  };

/** What accountability adds to other pages: the results a consultation's decisions, an idea, a thread or a structure gave. */
export const RESULT_PANELS: RecordPanel[] = [
  {
    place: "consultation.outcome",
    order: 10,
    render: fromRecord("consultation", "accountability.panel.consultation"),
  },
  { place: "idea", order: 10, render: fromRecord("idea", "accountability.panel.idea") },
  { place: "forum.thread", order: 10, render: fromRecord("forum", "accountability.panel.forum") },
  {
    place: "structure",
    order: 10,
    async render(db, structureId) {
      if (!UUID.test(structureId)) return null;
      const rows = await listResultsOfStructure(db, structureId, 5);
      if (!rows.length) return null;
      const [first] = rows;
      return (
        <ResultsPanel
          id="structure-results"
          heading="accountability.panel.structure"
          rows={rows}
          more={`/accountability?structure=${encodeURIComponent(first!.structureCode)}`}
        />
      );
    },
  },
];
