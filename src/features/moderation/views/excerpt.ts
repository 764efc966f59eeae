import type { ModeratedItem } from "../kinds.js";

/** What a list or a heading shows of a moderated item: its title, or the start of its text. */
export const excerpt = (item: ModeratedItem) =>
  item.title ?? (item.body.length > 140 ? `${item.body.slice(0, 140)}…` : item.body);
