/**
 * Every public GET page the browser suite checks, in each language and with JavaScript on and off.
 * Paths are locale-relative: "/gallery" is visited as /ar/gallery, /fr/gallery and /en/gallery.
 * A new public page is added here, once, and gets every check. The e-ID's pages are not here: the
 * sweeps run without an e-ID provider, where they answer 404; eid-accept.e2e.ts gives the e-ID's
 * acceptance step the same checks with the e-ID switched on.
 */
export interface PageSpec {
  /** Short name, used in test titles and screenshot files (<name>-<lang>-<js|nojs>.png). */
  name: string;
  /** Locale-relative path: "/" is the home page. */
  path: string;
  /** Expected HTTP status. */
  status: number;
}

export const LANGUAGES = [
  { lang: "ar", dir: "rtl" },
  { lang: "fr", dir: "ltr" },
  { lang: "en", dir: "ltr" },
] as const;

export const STATIC_PAGES: PageSpec[] = [
  { name: "home", path: "/", status: 200 },
  { name: "sign-in", path: "/sign-in", status: 200 },
  { name: "sign-up", path: "/sign-up", status: 200 },
  { name: "forgot-password", path: "/forgot-password", status: 200 },
  { name: "structures", path: "/structures", status: 200 },
  { name: "structures-search", path: "/structures?q=sfax", status: 200 },
  { name: "structure-page", path: "/structures/mun-tn-11", status: 200 },
  { name: "structure-poster", path: "/structures/mun-tn-11/poster", status: 200 },
  { name: "structure-flyer", path: "/structures/mun-tn-11/flyer", status: 200 },
  { name: "consultations", path: "/consultations", status: 200 },
  { name: "consultations-search", path: "/consultations?status=open&q=budget", status: 200 },
  { name: "request-type", path: "/requests/new", status: 200 },
  { name: "request-structure", path: "/requests/new?type=complaint&q=tunis", status: 200 },
  { name: "request-form", path: "/requests/new?type=complaint&structure=mun-tn-11", status: 200 },
  { name: "request-form-triage", path: "/requests/new?type=notice&structure=unknown", status: 200 },
  { name: "request-follow-code", path: "/requests/follow", status: 200 },
  { name: "integrity", path: "/integrity", status: 200 },
  { name: "integrity-report", path: "/integrity/report", status: 200 },
  { name: "integrity-follow", path: "/integrity/follow", status: 200 },
  { name: "events", path: "/events", status: 200 },
  { name: "events-governorate", path: "/events?governorate=TN-11", status: 200 },
  { name: "news", path: "/news", status: 200 },
  { name: "news-category", path: "/news?category=training", status: 200 },
  { name: "help", path: "/help", status: 200 },
  { name: "help-search", path: "/help?q=corruption", status: 200 },
  { name: "help-guide", path: "/help/report-corruption-safely", status: 200 },
  { name: "search", path: "/search?q=tunis", status: 200 },
  { name: "legal-terms", path: "/legal/terms", status: 200 },
  { name: "legal-privacy", path: "/legal/privacy", status: 200 },
  { name: "legal-accessibility", path: "/legal/accessibility", status: 200 },
  { name: "widget-request", path: "/widgets/mun-tn-11/request", status: 200 },
  { name: "widget-answered", path: "/widgets/mun-tn-11/answered", status: 200 },
  { name: "widget-consultations", path: "/widgets/mun-tn-11/consultations", status: 200 },
  { name: "newsletter-unsubscribe", path: "/newsletters/unsubscribe/not-a-token", status: 200 },
  { name: "ideas", path: "/ideas", status: 200 },
  { name: "ideas-filtered", path: "/ideas?sort=answered&status=accepted&area=TN-11", status: 200 },
  { name: "forum", path: "/forum", status: 200 },
  { name: "budgets", path: "/budgets", status: 200 },
  { name: "open-data", path: "/open-data", status: 200 },
  { name: "transparency", path: "/transparency", status: 200 },
  { name: "gallery", path: "/gallery", status: 200 },
  { name: "not-found", path: "/no-such-page", status: 404 },
];

/** The full URL path of a locale-relative path in one language: ("ar", "/") → "/ar". */
export function localized(lang: string, path: string): string {
  return `/${lang}${path === "/" ? "" : path}`;
}

/**
 * The gallery's component pages, read from the links of the gallery index (so a new component
 * is checked as soon as the gallery lists it). Empty when the gallery does not answer.
 */
export async function galleryComponentPages(origin: string): Promise<PageSpec[]> {
  const response = await fetch(`${origin}/en/gallery`);
  if (!response.ok) return [];
  const html = await response.text();
  const slugs = new Set<string>();
  for (const match of html.matchAll(/href="\/en\/gallery\/([a-z0-9][a-z0-9-]*)\/?"/g)) slugs.add(match[1]!);
  return [...slugs]
    .sort()
    .map((slug) => ({ name: `gallery-${slug}`, path: `/gallery/${slug}`, status: 200 }));
}

/** Every page to check: the fixed ones, with the gallery's component pages after the gallery. */
export async function discoverPages(origin: string): Promise<PageSpec[]> {
  const components = await galleryComponentPages(origin);
  const at = STATIC_PAGES.findIndex((p) => p.name === "gallery") + 1;
  return [...STATIC_PAGES.slice(0, at), ...components, ...STATIC_PAGES.slice(at)];
}
