import type { FollowableKind } from "../../core/features/contracts.js";

/** The one target of the "news" kind: every structure's news. A structure's own news reach its followers. */
export const NEWS_FOLLOW_TARGET = "all";

/** People follow the portal's news; following a structure (structures feature) brings its news too. */
export const newsFollowable: FollowableKind = {
  kind: "news",
  async name(_db, target) {
    return target === NEWS_FOLLOW_TARGET
      ? { ar: "أخبار البوابة", fr: "Actualités du portail", en: "Portal news" }
      : null;
  },
  path: () => "/news",
};
