/**
 * The paths search engines are asked not to crawl, in every language: staff work areas, a person's
 * own pages, and the links that carry a secret (a request's follow link, a reset or verification
 * token). The pages themselves stay protected by their own rules: this only keeps them out of indexes.
 */
const PRIVATE_PATHS = [
  "/admin",
  "/staff",
  "/moderation",
  "/account",
  "/subscriptions",
  "/requests$",
  "/requests/follow/",
  "/integrity/officer",
  "/integrity/follow",
  "/sign-in/eid/",
  "/verify-email/",
  "/reset-password/",
  "/newsletters/unsubscribe/",
];

/** robots.txt: everything public may be crawled, the private paths above may not, and where the sitemap is. */
export function robotsTxt(publicUrl: string): string {
  return [
    "User-agent: *",
    ...PRIVATE_PATHS.map((path) => `Disallow: /*${path}`),
    "Allow: /",
    "",
    `Sitemap: ${publicUrl}/sitemap.xml`,
    "",
  ].join("\n");
}
