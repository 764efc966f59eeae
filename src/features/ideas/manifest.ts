import { eq, sql } from "drizzle-orm";
import type { FeatureManifest } from "../../core/manifest.js";
import { adminAbilities } from "../admin/abilities.js";
import { seedDemoIdeas, seedReferenceIdeas } from "./commands/seed-ideas.js";
import { ideaContributions } from "./contributions.js";
import { exportIdeaAccount } from "./export-account.js";
import { newIdeasFeed } from "./feed.js";
import { ideaFollowable } from "./followable.js";
import { ideaModeration, ideasFeature } from "./index.js";
import { answerDeadlinesJob } from "./jobs/answer-deadlines.js";
import { ideasDataset } from "./open-data.js";
import { ideasSearch } from "./search.js";
import { ideasSitemap } from "./sitemap.js";
import * as tables from "./tables.js";
import { ideaComments, ideaSupports, ideas } from "./tables.js";

export const ideasManifest: FeatureManifest = {
  name: "ideas",
  exportAccount: exportIdeaAccount,
  sitemap: [ideasSitemap],
  search: [ideasSearch],
  feeds: [newIdeasFeed],
  routes: [{ plugin: ideasFeature, mount: "pages" }],
  tables,
  datasets: [{ dataset: ideasDataset, apiPath: "/ideas", order: 80 }],
  followable: [ideaFollowable],
  moderation: ideaModeration,
  contributions: [ideaContributions],
  adminSections: [
    {
      id: "ideas",
      labelKey: "admin.nav.ideas",
      summaryKey: "ideas.adminSummary",
      path: "/admin/ideas",
      order: 50,
      allowed: (actor) => adminAbilities(actor).ideas,
    },
  ],
  seedReference: seedReferenceIdeas,
  seedDemo: seedDemoIdeas,
  /**
   * Ideas and comments stay, shown as by a deleted account, or are removed; follows end either way.
   * A removed idea stays as a tombstone without its text or image, out of the lists, so the comments,
   * supports and official answers of others on it remain.
   */
  async forgetAccount(db, accountId, mode) {
    if (mode === "remove") {
      await db.delete(ideaComments).where(eq(ideaComments.authorId, accountId));
      await db
        .update(ideas)
        .set({
          title: "",
          description: "",
          imageKey: null,
          imageMime: null,
          authorId: null,
          removedAt: new Date(),
          moderationState: "hidden",
          moderationReason: null,
        })
        .where(eq(ideas.authorId, accountId));
      // Their supports go too, and the counts follow.
      const withdrawn = await db
        .delete(ideaSupports)
        .where(eq(ideaSupports.accountId, accountId))
        .returning({ ideaId: ideaSupports.ideaId });
      for (const { ideaId } of withdrawn)
        await db
          .update(ideas)
          .set({ supportCount: sql`${ideas.supportCount} - 1` })
          .where(eq(ideas.id, ideaId));
      return;
    }
    await db.update(ideaComments).set({ authorId: null }).where(eq(ideaComments.authorId, accountId));
    await db.update(ideas).set({ authorId: null }).where(eq(ideas.authorId, accountId));
  },
  /** Escalates the official answers owed to ideas past their threshold (jobs/answer-deadlines.ts). */
  jobs: [answerDeadlinesJob],
};
