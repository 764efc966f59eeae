import { eq, sql } from "drizzle-orm";
import { structures } from "../../src/core/structures/tables.js";
import { type Database, rowsOf } from "../../src/db/client.js";
import type { PassageAnchor } from "../../src/features/consultations/drafting/anchor.js";
import { consultationAmendments } from "../../src/features/consultations/drafting/tables.js";
import {
  consultationComments,
  consultationSections,
  consultations,
} from "../../src/features/consultations/tables.js";

/**
 * An open consultation whose one section reads DRAFTING_WORDS Arabic words (50 paragraphs), with
 * DRAFTING_PASSAGES comments on passages of 2 to 6 words spread over every paragraph and
 * DRAFTING_AMENDMENTS proposed amendments, by 1,000 accounts. Inserted once per database and found
 * again by its title.
 */
export const DRAFTING_WORDS = Number(process.env.BENCH_DRAFTING_WORDS ?? 5000);
export const DRAFTING_PASSAGES = Number(process.env.BENCH_DRAFTING_PASSAGES ?? 2000);
export const DRAFTING_AMENDMENTS = Number(process.env.BENCH_DRAFTING_AMENDMENTS ?? 500);
const PARAGRAPHS = 50;
const AUTHORS = 1000;
const TITLE = `Bench drafting (${DRAFTING_WORDS} words, ${DRAFTING_PASSAGES} passage comments, ${DRAFTING_AMENDMENTS} amendments)`;

const WORDS =
  "يُحدّدُ المجلسُ البلديُّ مبلغَ الميزانيةِ التشاركيةِ كلَّ سنةٍ بعد استشارةِ المتساكنين وتُنشرُ المشاريعُ المقترحةُ على البوابةِ ويصوّتُ المتساكنون عبر الإنترنت أو في مكتبِ الاقتراع وتُعلَنُ النتائجُ في أجلٍ لا يتجاوز شهرًا".split(
    " ",
  );

/** The section's paragraphs: DRAFTING_WORDS words in all, each paragraph ending with a full stop. */
export function benchParagraphs(): string[] {
  const per = Math.ceil(DRAFTING_WORDS / PARAGRAPHS);
  return Array.from({ length: PARAGRAPHS }, (_, p) => {
    const words = Array.from({ length: per }, (_, w) => WORDS[(p * 7 + w * 3) % WORDS.length]!);
    return `${words.join(" ")}.`;
  });
}

export async function seedBenchDrafting(
  database: Database,
): Promise<{ id: string; sectionId: string; created: boolean }> {
  const db = database.db;
  const [existing] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.title, { en: TITLE }));
  if (existing) {
    const [s] = await db
      .select({ id: consultationSections.id })
      .from(consultationSections)
      .where(eq(consultationSections.consultationId, existing.id));
    return { id: existing.id, sectionId: s!.id, created: false };
  }
  const [structure] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, "gov-tn-11"));
  if (!structure) throw new Error("no structure gov-tn-11: the reference seed did not run");
  const day = 24 * 3600_000;
  const [c] = await db
    .insert(consultations)
    .values({
      structureId: structure.id,
      title: { en: TITLE, ar: "مشروع قرار حول الميزانية التشاركية (قياس الأداء)" },
      summary: { en: "A long text commented on passage by passage, for the bench." },
      body: {},
      theme: "local_governance",
      area: "national",
      visibility: "published",
      publishedAt: new Date(Date.now() - 40 * day),
      opensAt: new Date(Date.now() - 30 * day),
      closesAt: new Date(Date.now() + 30 * day),
    })
    .returning({ id: consultations.id });
  const id = c!.id;
  const paragraphs = benchParagraphs();
  const [section] = await db
    .insert(consultationSections)
    .values({
      consultationId: id,
      position: 1,
      title: { ar: "الفصل 1" },
      body: { ar: paragraphs.join("\n\n") },
    })
    .returning({ id: consultationSections.id });
  await db.execute(sql`
    insert into accounts (id, email, display_name, email_verified_at)
    select gen_random_uuid(), 'bench-author-' || n || '@example.tn', 'Citizen ' || n, now()
    from generate_series(1, ${AUTHORS}) n
    on conflict do nothing`);
  const authors = rowsOf<{ id: string }>(
    await db.execute(sql`select id from accounts where email like 'bench-author-%' order by email`),
  );
  const start = Date.now() - 29 * day;
  const comments = Array.from({ length: DRAFTING_PASSAGES }, (_, n) => {
    const paragraph = n % PARAGRAPHS;
    const text = paragraphs[paragraph]!;
    const words = text.split(" ");
    const first = (n * 13) % (words.length - 6);
    const count = 2 + (n % 5);
    const from = words.slice(0, first).join(" ").length + (first > 0 ? 1 : 0);
    const quote = words.slice(first, first + count).join(" ");
    const anchor: PassageAnchor = {
      version: 1,
      lang: "ar",
      paragraph,
      quote,
      start: from,
      end: from + quote.length,
    };
    return {
      consultationId: id,
      sectionId: section!.id,
      authorId: authors[n % authors.length]!.id,
      body: `تعليق رقم ${n}: يجب أن يحدّد هذا المقطع بدقة من يقرّر ومتى، وكيف يُعلَم المتساكنون بالقرار.`,
      anchor,
      createdAt: new Date(start + n * 60_000),
    };
  });
  for (let i = 0; i < comments.length; i += 500)
    await db.insert(consultationComments).values(comments.slice(i, i + 500));
  const amendments = Array.from({ length: DRAFTING_AMENDMENTS }, (_, n) => {
    const paragraph = (n * 3) % PARAGRAPHS;
    const original = paragraphs[paragraph]!;
    return {
      consultationId: id,
      sectionId: section!.id,
      paragraph,
      lang: "ar",
      baseVersion: 1,
      original,
      proposed: original.replace("المجلسُ", "المتساكنون").replace(".", ` بعد جلسة علنية رقم ${n}.`),
      reason: `مقترح رقم ${n}: مزيد من الشفافية في القرار.`,
      authorId: authors[(n * 7) % authors.length]!.id,
      supportCount: n % 23,
      createdAt: new Date(start + n * 120_000),
    };
  });
  for (let i = 0; i < amendments.length; i += 250)
    await db.insert(consultationAmendments).values(amendments.slice(i, i + 250));
  await db.execute(sql`analyze consultation_comments`);
  await db.execute(sql`analyze consultation_amendments`);
  return { id, sectionId: section!.id, created: true };
}
