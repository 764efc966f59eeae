import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Translate } from "../i18n/catalog.js";
import type { Locale } from "../i18n/localized.js";

export interface Flash {
  kind: "success" | "info";
  message: string;
}

/** What every view may read about the current request; built once per page by reply.render. */
export interface PageContext {
  locale: Locale;
  dir: "rtl" | "ltr";
  t: Translate;
  /** The current path without its locale prefix, e.g. "/requests/new" (for the language switcher). */
  path: string;
  /** The current query string, including its "?", or "". */
  search: string;
  /** A CSRF token for forms on this page; creating it sets the CSRF cookie. */
  csrfToken: () => string;
  /** Versioned URL of a file under public/. */
  asset: (file: string) => string;
  flash?: Flash;
  requestId: string;
  /** Where the site is served ("https://sharek.tn"), for absolute links (Open Graph, sharing). */
  publicUrl: string;
  /** Path of the link-preview picture (og:image) drawn from a page title in this page's language. */
  ogImage: (title: string) => string;
  /** Where the running version's source code is (AGPL-3.0 section 13), and that version. */
  source: { url: string; version: string };
  /** Slot for the header's account area; the identity feature fills it. */
  account?: { name: string; staff: boolean; unread?: number } | null;
  /**
   * The admin sections the current actor may open, in navigation order, from every feature's
   * manifest (`adminSections`). Computed when a page asks (the admin layout).
   */
  adminLinks?: () => Array<{ id: string; path: string; labelKey: string }>;
  /**
   * Set by reply.render on an error answer (4xx): the page's error summaries put their items here
   * instead of rendering, and reply.render shows them in one summary at the top of <main> (the
   * layout leaves a slot) and prefixes the <title>.
   */
  pageErrors?: PageErrors;
}

/** What reply.render learns about a page's errors while rendering it. */
export interface PageErrors {
  /** Filled while rendering: every error summary's items, in page order. */
  items: Array<{ fieldId: string; message: string }>;
  /** A whole-request problem (<Problem>) was shown: still an error page. */
  problem: boolean;
  /** A <Layout> was rendered, leaving the slot for the summary. */
  layout: boolean;
}

export const Page = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(Page);
  if (!ctx) throw new Error("usePage() outside a rendered page");
  return ctx;
}

/** Prefixes a locale-relative path with the page's locale: href("/requests") → "/ar/requests". */
export function useHref(): (path: string) => string {
  const { locale } = usePage();
  return (path) => `/${locale}${path === "/" ? "" : path}`;
}
