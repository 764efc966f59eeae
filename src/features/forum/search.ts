import { sql } from "drizzle-orm";
import type { SearchSource } from "../../core/features/contracts.js";
import { THREAD_SEARCH_TITLE } from "./tables.js";

/** Discussions anyone may read: visible (not held or hidden by moderation). */
export const forumSearch: SearchSource = {
  kind: "forum",
  labelKey: "forum.search.kind",
  order: 40,
  documents: sql`select forum_threads.id::text, '/forum/threads/' || forum_threads.id,
      to_jsonb(forum_threads.title), to_jsonb(forum_threads.body), null::uuid, null::text,
      forum_threads.search_vector, ${THREAD_SEARCH_TITLE}, forum_threads.updated_at
    from forum_threads where forum_threads.moderation_state = 'visible'`,
};
