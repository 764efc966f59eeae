import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias, type PgColumn } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { isUuid } from "../../core/ids.js";
import { governorates, structures } from "../../core/structures/tables.js";
import { type Db, rowsOf } from "../../db/client.js";
import { isFollowing as isFollowingThing } from "../subscriptions/queries.js";
import {
  consultationComments,
  consultationDocuments,
  consultationOutcomes,
  consultationQuestions,
  consultationSections,
  consultationSyntheses,
  consultations,
} from "./tables.js";

export type Consultation = typeof consultations.$inferSelect;
export type Section = typeof consultationSections.$inferSelect;
export type Question = typeof consultationQuestions.$inferSelect;
export type ConsultationDocument = typeof consultationDocuments.$inferSelect;
export type Outcome = typeof consultationOutcomes.$inferSelect;
export type Synthesis = typeof consultationSyntheses.$inferSelect;

/** A consultation with what its pages say about it: the structure, and the area's names. */
export interface ConsultationView extends Consultation {
  structure: { code: string; name: LocalizedText };
  governorateName: LocalizedText | null;
  municipalityName: LocalizedText | null;
}

/** The row `id` of one of a consultation's tables, only when it belongs to that consultation. */
export function ownedBy(
  table: { id: PgColumn; consultationId: PgColumn },
  consultationId: string,
  id: string,
): SQL | undefined {
  return and(eq(table.consultationId, consultationId), eq(table.id, id));
}

const municipalities = alias(structures, "municipalities");

export async function findConsultation(db: Db, id: string): Promise<ConsultationView | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      c: consultations,
      structureCode: structures.code,
      structureName: structures.name,
      governorateName: governorates.name,
      municipalityName: municipalities.name,
    })
    .from(consultations)
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .leftJoin(governorates, eq(governorates.code, consultations.governorateCode))
    .leftJoin(municipalities, eq(municipalities.id, consultations.municipalityId))
    .where(eq(consultations.id, id));
  if (!row) return null;
  return {
    ...row.c,
    structure: { code: row.structureCode, name: row.structureName },
    governorateName: row.governorateName,
    municipalityName: row.municipalityName,
  };
}

// --- A consultation's content -------------------------------------------------------------------

export async function listSections(db: Db, consultationId: string): Promise<Section[]> {
  return db
    .select()
    .from(consultationSections)
    .where(eq(consultationSections.consultationId, consultationId))
    .orderBy(asc(consultationSections.position));
}

export async function findSection(db: Db, consultationId: string, sectionId: string) {
  if (!isUuid(sectionId)) return null;
  const [row] = await db
    .select()
    .from(consultationSections)
    .where(ownedBy(consultationSections, consultationId, sectionId));
  return row ?? null;
}

export async function listDocuments(db: Db, consultationId: string): Promise<ConsultationDocument[]> {
  return db
    .select()
    .from(consultationDocuments)
    .where(eq(consultationDocuments.consultationId, consultationId))
    .orderBy(asc(consultationDocuments.createdAt));
}

export async function listQuestions(db: Db, consultationId: string): Promise<Question[]> {
  return db
    .select()
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, consultationId))
    .orderBy(asc(consultationQuestions.position));
}

/**
 * What a consultation's page shows besides its comments, in one round trip: its sections, its
 * documents, how many questions its questionnaire has, and its visible comments per section.
 */
export async function loadPageContent(db: Db, consultationId: string) {
  const [row] = rowsOf<{
    sections: Array<Omit<Section, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string }>;
    documents: Array<
      Omit<ConsultationDocument, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string }
    >;
    questions: number;
    counts: Record<string, number>;
  }>(
    await db.execute(sql`
      select
        (select coalesce(json_agg(json_build_object('id', s.id, 'consultationId', s.consultation_id,
            'position', s.position, 'title', s.title, 'body', s.body, 'createdAt', s.created_at,
            'updatedAt', s.updated_at) order by s.position), '[]')
          from ${consultationSections} s where s.consultation_id = ${consultationId}) as sections,
        (select coalesce(json_agg(json_build_object('id', d.id, 'consultationId', d.consultation_id,
            'title', d.title, 'fileKey', d.file_key, 'mime', d.mime, 'size', d.size,
            'createdAt', d.created_at, 'updatedAt', d.updated_at) order by d.created_at), '[]')
          from ${consultationDocuments} d where d.consultation_id = ${consultationId}) as documents,
        (select count(*)::int from ${consultationQuestions} q where q.consultation_id = ${consultationId}) as questions,
        (select coalesce(json_object_agg(coalesce(k.section_id::text, ''), k.n), '{}')
          from (select section_id, count(*) as n from ${consultationComments}
            where consultation_id = ${consultationId} and status = 'visible' and moderation_state = 'visible' group by section_id) k) as counts`),
  );
  const dates = <T extends { createdAt: string; updatedAt: string }>(r: T) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  });
  return {
    sections: (row?.sections ?? []).map(dates) as Section[],
    documents: (row?.documents ?? []).map(dates) as ConsultationDocument[],
    questionCount: Number(row?.questions ?? 0),
    counts: new Map(Object.entries(row?.counts ?? {}).map(([k, n]) => [k, Number(n)])),
  };
}

// --- Outcome ------------------------------------------------------------------------------------

export async function findSynthesis(db: Db, consultationId: string): Promise<Synthesis | null> {
  const [row] = await db
    .select()
    .from(consultationSyntheses)
    .where(eq(consultationSyntheses.consultationId, consultationId));
  return row ?? null;
}

export async function listOutcomes(db: Db, consultationId: string): Promise<Outcome[]> {
  return db
    .select()
    .from(consultationOutcomes)
    .where(eq(consultationOutcomes.consultationId, consultationId));
}

// --- Following ----------------------------------------------------------------------------------

export async function isFollowing(
  db: Db,
  consultationId: string,
  accountId: string | null,
): Promise<boolean> {
  return isFollowingThing(db, accountId, "consultation", consultationId);
}
