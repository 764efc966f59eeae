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
  /** Slot for the header's account area; the identity feature fills it. */
  account?: { name: string; staff: boolean } | null;
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
