import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { ActingContext } from "../../../core/audit/record.js";
import { translator } from "../../../core/i18n/catalog.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { consultationOutcomes, consultationSections, consultations } from "../../consultations/tables.js";
import { results } from "../tables.js";
import { insertResult } from "./save-result.js";

export interface DecisionRow {
  sectionId: string;
  position: number;
  title: LocalizedText;
  decision: "kept" | "changed" | "dropped";
  reason: LocalizedText;
  /** The result already made from it, if any. */
  resultId: string | null;
}

/** A consultation whose outcome is published, with its decisions section by section; null otherwise. */
export async function findDecisions(db: Db, consultationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(consultationId)) return null;
  const [c] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), isNotNull(consultations.outcomePublishedAt)));
  if (!c) return null;
  const rows = await db
    .select({
      sectionId: consultationSections.id,
      position: consultationSections.position,
      title: consultationSections.title,
      decision: consultationOutcomes.decision,
      reason: consultationOutcomes.reason,
    })
    .from(consultationOutcomes)
    .innerJoin(consultationSections, eq(consultationSections.id, consultationOutcomes.sectionId))
    .where(eq(consultationOutcomes.consultationId, c.id))
    .orderBy(asc(consultationSections.position));
  const made = await db
    .select({ id: results.id, sectionId: results.originSectionId })
    .from(results)
    .where(and(eq(results.origin, "consultation"), eq(results.originId, c.id)));
  const bySection = new Map(made.map((r) => [r.sectionId, r.id]));
  const decisions: DecisionRow[] = rows.map((r) => ({ ...r, resultId: bySection.get(r.sectionId) ?? null }));
  return { consultation: c, decisions, parentId: bySection.get(null) ?? null };
}

/** The consultation's short code, for its results' codes. */
const shortId = (id: string) => id.replace(/-/g, "").slice(-10);

/**
 * Turns a published consultation's decisions into results: one result for the consultation as a
 * whole (made once), and under it one for each chosen section's decision not yet carried by one,
 * with the decision's reason as its description. They belong to the consultation's structure and
 * place, start planned at 0 %, and the parent's progress follows its children's. Returns the
 * parent's id, or null when the consultation has no published outcome or nothing was chosen.
 */
export async function resultsFromConsultation(
  db: Db,
  consultationId: string,
  sectionIds: readonly string[],
  ctx: Pick<ActingContext, "actor" | "request">,
): Promise<{ parentId: string; created: number } | null> {
  return db.transaction(async (tx) => {
    const found = await findDecisions(tx, consultationId);
    if (!found) return null;
    const { consultation: c, decisions } = found;
    const chosen = decisions.filter((d) => sectionIds.includes(d.sectionId) && !d.resultId);
    if (chosen.length === 0 && !found.parentId) return null;
    const place = { governorateCode: c.governorateCode, municipalityId: c.municipalityId };
    const base = {
      structureId: c.structureId,
      ...place,
      themeCode: null,
      startsOn: c.outcomePublishedAt!.toISOString().slice(0, 10),
      endsOn: null,
      weight: 1,
      budgetPlanned: null,
      budgetSpent: null,
      status: "planned" as const,
      progress: 0,
      dropReason: null,
    };
    const parentId =
      found.parentId ??
      (await insertResult(
        tx,
        {
          ...base,
          code: `consultation-${shortId(c.id)}`,
          parentId: null,
          title: c.title,
          description: c.summary,
        },
        { origin: "consultation", originId: c.id, originSectionId: null },
        ctx,
      ));
    for (const d of chosen) {
      const title: LocalizedText = {};
      for (const l of LOCALES) {
        const t = translator(l);
        const name = d.title[l];
        title[l] = name
          ? t("accountability.fromConsultation.childTitle", {
              section: name,
              decision: t(`accountability.decision.${d.decision}`),
            })
          : t("accountability.fromConsultation.childTitleNumbered", {
              n: d.position,
              decision: t(`accountability.decision.${d.decision}`),
            });
      }
      await insertResult(
        tx,
        {
          ...base,
          code: `consultation-${shortId(c.id)}-s${d.position}`,
          parentId,
          title,
          description: d.reason,
        },
        { origin: "consultation", originId: c.id, originSectionId: d.sectionId },
        ctx,
      );
    }
    return { parentId, created: chosen.length };
  });
}
