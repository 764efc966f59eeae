/** Themes a consultation is filed under (the list's filter). */
export const THEMES = [
  "local_governance",
  "environment",
  "health",
  "education",
  "economy",
  "transport",
  "culture",
  "social_affairs",
  "digital",
  "justice",
  "agriculture",
  "youth_sport",
] as const;
export type Theme = (typeof THEMES)[number];
export const isTheme = (v: string | undefined): v is Theme => (THEMES as readonly string[]).includes(v ?? "");

export const LIMITS = {
  title: 200,
  summary: 1000,
  body: 20_000,
  sectionTitle: 200,
  sectionBody: 20_000,
  sections: 200,
  comment: 5000,
  commentMin: 2,
  prompt: 500,
  option: 200,
  options: 20,
  questions: 50,
  shortText: 300,
  longText: 5000,
  documentTitle: 200,
  documentBytes: 10 * 1024 * 1024,
  documents: 20,
  reason: 2000,
  url: 500,
} as const;

/** Replies nest at most this deep: a comment is at depth 0, a reply to it at 1, and so on up to 3. */
export const MAX_DEPTH = 3;
/** Comments per page of a thread list. */
export const COMMENTS_PER_PAGE = 20;
