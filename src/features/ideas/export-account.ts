import { eq } from "drizzle-orm";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import type { Db } from "../../db/client.js";
import { ideaComments, ideaSupports, ideas } from "./tables.js";

/** A person's ideas, the ideas they support, and their comments, for their data export. */
export async function exportIdeaAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const own = await db
    .select({
      title: ideas.title,
      description: ideas.description,
      status: ideas.status,
      supports: ideas.supportCount,
      proposedAt: ideas.createdAt,
      answeredAt: ideas.answeredAt,
    })
    .from(ideas)
    .where(eq(ideas.authorId, accountId));
  const supports = await db
    .select({ idea: ideas.title, supportedAt: ideaSupports.createdAt })
    .from(ideaSupports)
    .innerJoin(ideas, eq(ideas.id, ideaSupports.ideaId))
    .where(eq(ideaSupports.accountId, accountId));
  const comments = await db
    .select({ idea: ideas.title, body: ideaComments.body, at: ideaComments.createdAt })
    .from(ideaComments)
    .innerJoin(ideas, eq(ideas.id, ideaComments.ideaId))
    .where(eq(ideaComments.authorId, accountId));
  return [
    { name: "ideas", rows: own },
    { name: "idea-supports", rows: supports },
    { name: "idea-comments", rows: comments },
  ];
}
