import { and, desc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client.js";
import { OPEN_STATUSES } from "../../lifecycle.js";
import { cases } from "../../tables.js";
import type { CaseRow } from "./case.js";

/** Words shorter than this, and these frequent ones (normalised), say nothing about what a request is about. */
const MIN_WORD = 3;
const STOP_WORDS = [
  "les des une est par sur qui que aux ces son ses pas dans depuis pour avec sont cette mais nous vous leur plus sans",
  "the and for are was not but has had its our who all can any that this with from have been were there they your",
  "التي الذي الذين هذا هذه ذلك منذ على عند الي كانت كان لقد حتى بعد قبل",
].join(" ");

/** The distinct words of a text after Arabic normalisation (normalize_arabic also lower-cases). */
const wordsOf = (text: SQL) =>
  sql`array(select distinct w from regexp_split_to_table(normalize_arabic(${text}), '[[:space:][:punct:]،؛؟«»’]+') w
    where char_length(w) >= ${MIN_WORD} and w <> all(string_to_array(${STOP_WORDS}, ' ')))`;

/** How many candidates are compared: the most recent open requests of the structure. */
const CANDIDATES = 300;

export interface SimilarCase {
  id: string;
  reference: string;
  subject: string;
  createdAt: Date;
  commonWords: number;
  sameCategory: boolean;
  samePlace: "municipality" | "governorate" | null;
}

/**
 * Open requests of the same structure and place that may be the same as this one, best first: words
 * in common in subject and text, then the same category, the same municipality or governorate, and
 * the most recent. A request from another governorate is never suggested; duplicates are left out.
 */
export async function listSimilarOpenCases(db: Db, c: CaseRow, limit = 5): Promise<SimilarCase[]> {
  const mine = wordsOf(sql`${c.subject}::text || ' ' || ${c.description}::text`);
  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      subject: cases.subject,
      createdAt: cases.createdAt,
      categoryId: cases.categoryId,
      governorateCode: cases.governorateCode,
      municipalityId: cases.municipalityId,
      commonWords: sql<number>`(select count(*) from unnest(${wordsOf(
        sql`${cases.subject} || ' ' || ${cases.description}`,
      )}) w where w = any(${mine}))::int`,
    })
    .from(cases)
    .where(
      and(
        eq(cases.structureId, c.structureId),
        ne(cases.id, c.id),
        isNull(cases.duplicateOfId),
        inArray(cases.status, [...OPEN_STATUSES]),
        c.governorateCode
          ? or(isNull(cases.governorateCode), eq(cases.governorateCode, c.governorateCode))
          : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(CANDIDATES);
  return rows
    .map((r) => {
      const sameCategory = Boolean(c.categoryId) && r.categoryId === c.categoryId;
      const samePlace =
        c.municipalityId && r.municipalityId === c.municipalityId
          ? ("municipality" as const)
          : c.governorateCode && r.governorateCode === c.governorateCode
            ? ("governorate" as const)
            : null;
      const score =
        r.commonWords * 3 +
        (sameCategory ? 2 : 0) +
        (samePlace === "municipality" ? 2 : samePlace === "governorate" ? 1 : 0);
      return { ...r, sameCategory, samePlace, score };
    })
    .filter((r) => r.commonWords >= 2 || (r.commonWords >= 1 && r.sameCategory))
    .sort((a, b) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit)
    .map(({ id, reference, subject, createdAt, commonWords, sameCategory, samePlace }) => ({
      id,
      reference,
      subject,
      createdAt,
      commonWords,
      sameCategory,
      samePlace,
    }));
}
