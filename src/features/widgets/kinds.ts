import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { STATS_MIN_CASES, structureCaseStats } from "../cases/stats/queries.js";
import { cases } from "../cases/tables.js";
import { type ConsultationCard, listOpenConsultations } from "../consultations/queries.js";
import { structureCategories } from "../structures/tables.js";

/** The structure a widget is about. */
export interface WidgetStructure {
  id: string;
  code: string;
}

/**
 * What each kind of widget shows. A kind loads its data (bounded, public only); the view in
 * views/widget-page.tsx renders it. A feature adds its widget by adding an entry here and a case
 * in the view.
 */
export const WIDGET_KINDS = ["consultations", "answered", "request"] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export function isWidgetKind(value: string): value is WidgetKind {
  return (WIDGET_KINDS as readonly string[]).includes(value);
}

export interface AnsweredRequest {
  type: (typeof cases.$inferSelect)["type"];
  category: (typeof structureCategories.$inferSelect)["name"] | null;
  answeredAt: Date;
  days: number;
}

export type OpenConsultation = Pick<ConsultationCard, "id" | "title" | "summary" | "closesAt">;

export type WidgetData =
  | { kind: "consultations"; open: OpenConsultation[] }
  | { kind: "answered"; enough: boolean; received: number; answered: number; latest: AnsweredRequest[] }
  | { kind: "request" };

/**
 * The latest requests answered: only their type, category, date and time to answer (never the
 * subject or the text, which may name people), and only once the structure holds enough requests
 * (as for its public figures) that nothing points at anyone.
 */
async function loadAnswered(db: Db, structure: WidgetStructure): Promise<WidgetData> {
  const stats = await structureCaseStats(db, structure.id);
  if (stats.received < STATS_MIN_CASES)
    return {
      kind: "answered",
      enough: false,
      received: stats.received,
      answered: stats.answered,
      latest: [],
    };
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
  return { kind: "answered", enough: true, received: stats.received, answered: stats.answered, latest };
}

/** The structure's own published consultations open now, closing soonest first. */
async function loadConsultations(db: Db, structure: WidgetStructure): Promise<WidgetData> {
  const open = await listOpenConsultations(db, 5, new Date(), structure.id);
  return {
    kind: "consultations",
    open: open.map(({ id, title, summary, closesAt }) => ({ id, title, summary, closesAt })),
  };
}

export async function loadWidget(db: Db, kind: WidgetKind, structure: WidgetStructure): Promise<WidgetData> {
  switch (kind) {
    case "consultations":
      return loadConsultations(db, structure);
    case "answered":
      return loadAnswered(db, structure);
    case "request":
      return { kind: "request" };
  }
}
