import { and, count, eq } from "drizzle-orm";
import { useHref, usePage } from "../../core/views/context.js";
import type { Db } from "../../db/client.js";
import { findOpinionMap, listStatements } from "./queries.js";
import { opinionStatements } from "./tables.js";
import { MapFigure } from "./views/map-figure.js";

/** On a consultation's page: a link to its opinion map, when it has statements to vote on. */
function OpinionMapLink({ consultationId, statements }: { consultationId: string; statements: number }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <section aria-labelledby="opinion-map">
      <h2 id="opinion-map" class="sh-heading-l">
        {t("opinion-map.title")}
      </h2>
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/consultations/${consultationId}/opinion-map`)}>
          {t("opinion-map.link", { count: statements })}
        </a>
      </p>
    </section>
  );
}

/** The consultation page's hook: the link to the opinion map, or nothing when it has no statement. */
export async function opinionMapLink(db: Db, consultationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(opinionStatements)
    .where(
      and(eq(opinionStatements.consultationId, consultationId), eq(opinionStatements.status, "approved")),
    );
  const statements = row?.n ?? 0;
  return statements > 0 ? <OpinionMapLink consultationId={consultationId} statements={statements} /> : null;
}

/** The synthesis page's hook: the map, its groups and consensus statements, or nothing before a map exists. */
export async function opinionMapSynthesis(db: Db, consultationId: string) {
  const [map, statements] = await Promise.all([
    findOpinionMap(db, consultationId),
    listStatements(db, consultationId),
  ]);
  if (!map?.snapshot) return null;
  return (
    <section class="sh-opinion-map__synthesis">
      <MapFigure snapshot={map.snapshot} statements={statements} />
    </section>
  );
}
