import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { consultationSections } from "../tables.js";
import { joinParagraphs, splitParagraphs } from "./anchor.js";
import { consultationAmendments, consultationTextVersions, type VersionSection } from "./tables.js";

export type TextVersion = typeof consultationTextVersions.$inferSelect;

/** The sections as they read now, in order, as a version holds them. */
export async function liveSections(db: Db, consultationId: string): Promise<VersionSection[]> {
  const rows = await db
    .select({
      sectionId: consultationSections.id,
      position: consultationSections.position,
      title: consultationSections.title,
      body: consultationSections.body,
    })
    .from(consultationSections)
    .where(eq(consultationSections.consultationId, consultationId))
    .orderBy(asc(consultationSections.position));
  return rows;
}

/** Every version of the text, oldest first (without their sections). */
export async function listVersions(db: Db, consultationId: string) {
  return db
    .select({
      number: consultationTextVersions.number,
      note: consultationTextVersions.note,
      publishedAt: consultationTextVersions.publishedAt,
    })
    .from(consultationTextVersions)
    .where(eq(consultationTextVersions.consultationId, consultationId))
    .orderBy(asc(consultationTextVersions.number));
}

export async function findVersion(
  db: Db,
  consultationId: string,
  number: number,
): Promise<TextVersion | null> {
  const [row] = await db
    .select()
    .from(consultationTextVersions)
    .where(
      and(
        eq(consultationTextVersions.consultationId, consultationId),
        eq(consultationTextVersions.number, number),
      ),
    );
  return row ?? null;
}

/** The number of the text's current version: the last one published, 1 before any. */
export async function currentVersionNumber(db: Db, consultationId: string): Promise<number> {
  const [row] = await db
    .select({ number: consultationTextVersions.number })
    .from(consultationTextVersions)
    .where(eq(consultationTextVersions.consultationId, consultationId))
    .orderBy(desc(consultationTextVersions.number))
    .limit(1);
  return row?.number ?? 1;
}

/**
 * Version 1 is the text as first put to the public. It is stored when first needed (an amendment
 * proposed, a new version published), from the sections as they read then.
 */
export async function ensureFirstVersion(tx: Db, consultationId: string, at: Date): Promise<void> {
  const [any] = await tx
    .select({ number: consultationTextVersions.number })
    .from(consultationTextVersions)
    .where(eq(consultationTextVersions.consultationId, consultationId))
    .limit(1);
  if (any) return;
  await tx
    .insert(consultationTextVersions)
    .values({ consultationId, number: 1, sections: await liveSections(tx, consultationId), publishedAt: at })
    .onConflictDoNothing();
}

/** Replaces one paragraph of a text; null when the paragraph no longer reads as expected anywhere. */
export function replaceParagraph(
  text: string,
  paragraph: number,
  original: string,
  replacement: string,
): string | null {
  const paragraphs = splitParagraphs(text);
  let at = paragraphs[paragraph] === original ? paragraph : -1;
  if (at < 0) {
    const found = paragraphs.indexOf(original);
    if (found >= 0 && paragraphs.indexOf(original, found + 1) < 0) at = found;
  }
  if (at < 0) return null;
  paragraphs[at] = replacement.trim();
  return joinParagraphs(paragraphs.filter((p) => p.length > 0));
}

/**
 * Publishes the next version of the text: the sections as they read now, with the wording of every
 * accepted amendment not yet in a version put in place of its paragraph. The sections take the new
 * wording, and the amendments applied record the version. An accepted amendment whose paragraph
 * changed since (so its place is no longer found) stays waiting and is reported.
 */
export async function publishVersion(
  db: Db,
  consultationId: string,
  input: { note: LocalizedText; by: string | null },
): Promise<{ number: number; applied: string[]; unplaced: string[] }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    await ensureFirstVersion(tx, consultationId, now);
    const [last] = await tx
      .select({ number: consultationTextVersions.number })
      .from(consultationTextVersions)
      .where(eq(consultationTextVersions.consultationId, consultationId))
      .orderBy(desc(consultationTextVersions.number))
      .limit(1)
      .for("update");
    const number = (last?.number ?? 1) + 1;
    const sections = await liveSections(tx, consultationId);
    const pending = await tx
      .select()
      .from(consultationAmendments)
      .where(
        and(
          eq(consultationAmendments.consultationId, consultationId),
          inArray(consultationAmendments.status, ["accepted", "accepted_with_changes"]),
          isNull(consultationAmendments.appliedVersion),
        ),
      )
      .orderBy(asc(consultationAmendments.decidedAt), asc(consultationAmendments.id));
    const applied: string[] = [];
    const unplaced: string[] = [];
    const touched = new Set<string>();
    for (const a of pending) {
      const section = sections.find((s) => s.sectionId === a.sectionId);
      const lang = a.lang as keyof LocalizedText;
      const current = section?.body[lang];
      const next =
        section && current !== undefined
          ? replaceParagraph(current, a.paragraph, a.original, a.acceptedText ?? a.proposed)
          : null;
      if (!section || next === null) {
        unplaced.push(a.id);
        continue;
      }
      section.body = { ...section.body, [lang]: next };
      touched.add(section.sectionId);
      applied.push(a.id);
    }
    await tx.insert(consultationTextVersions).values({
      consultationId,
      number,
      sections,
      note: input.note,
      publishedBy: input.by,
      publishedAt: now,
    });
    for (const s of sections)
      if (touched.has(s.sectionId))
        await tx
          .update(consultationSections)
          .set({ body: s.body, updatedAt: now })
          .where(eq(consultationSections.id, s.sectionId));
    if (applied.length > 0)
      await tx
        .update(consultationAmendments)
        .set({ appliedVersion: number, updatedAt: now })
        .where(inArray(consultationAmendments.id, applied));
    return { number, applied, unplaced };
  });
}
