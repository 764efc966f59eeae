import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { consultationComments, consultationSections } from "./tables.js";

export interface ContributionRow {
  id: string;
  /** Position of the section (1, 2, …); empty for the whole text. */
  section: number | "";
  parent_id: string;
  depth: number;
  /** "P1", "P2", …: stable within one export, never an account id, name or email. */
  author: string;
  official: boolean;
  alignment: string;
  status: string;
  /** Empty when the comment is hidden or removed. */
  body: string;
  supports: number;
  created_at: string;
}

/**
 * A consultation's comments and replies, anonymised: authors become pseudonyms numbered by first
 * appearance in this export (so one person's contributions can be read together, but nothing in
 * the file leads back to them), hidden and removed texts are left out.
 */
export async function exportContributions(db: Db, consultationId: string): Promise<ContributionRow[]> {
  const [sections, comments] = await Promise.all([
    db
      .select({ id: consultationSections.id, position: consultationSections.position })
      .from(consultationSections)
      .where(eq(consultationSections.consultationId, consultationId))
      .orderBy(asc(consultationSections.position)),
    db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.consultationId, consultationId))
      .orderBy(asc(consultationComments.createdAt)),
  ]);
  const position = new Map(sections.map((s, i) => [s.id, i + 1]));
  const pseudonyms = new Map<string, string>();
  const pseudonym = (accountId: string | null) => {
    if (!accountId) return "";
    let p = pseudonyms.get(accountId);
    if (!p) {
      p = `P${pseudonyms.size + 1}`;
      pseudonyms.set(accountId, p);
    }
    return p;
  };
  return comments.map((c) => ({
    id: c.id,
    section: c.sectionId ? (position.get(c.sectionId) ?? "") : "",
    parent_id: c.parentId ?? "",
    depth: c.depth,
    author: pseudonym(c.authorId),
    official: c.official,
    alignment: c.alignment ?? "",
    status: c.moderationState === "visible" ? c.status : c.moderationState,
    body: c.status === "visible" && c.moderationState === "visible" ? c.body : "",
    supports: c.supportCount,
    created_at: c.createdAt.toISOString(),
  }));
}
