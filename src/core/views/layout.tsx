import type { ComponentChildren } from "preact";
import { LOCALES } from "../i18n/localized.js";
import { NotificationBanner } from "./components/notification-banner/notification-banner.js";
import { usePage } from "./context.js";

const LANGUAGE_NAMES = { ar: "العربية", fr: "Français", en: "English" } as const;
const OG_LOCALES = { ar: "ar_TN", fr: "fr_TN", en: "en_GB" } as const;

/** Where reply.render puts the error summary of a page sent back with errors: first in <main>. */
export const ERROR_SUMMARY_SLOT = <template data-sh-slot="error-summary" />;

export interface LayoutProps {
  /** The page's own title; the site name is appended. */
  title: string;
  children: ComponentChildren;
  /** Optional description for search engines and link previews. */
  description?: string;
  /** Narrow pages (forms) read better at a shorter measure; "full" work areas (staff queues) use the whole screen. */
  width?: "narrow" | "wide" | "full";
  /** What the page is about as schema.org JSON-LD (an organisation, an event), for search engines. */
  structuredData?: Record<string, unknown>;
  /**
   * The Atom feeds that follow this page: paths after the language ("/feeds/ideas.atom"), announced
   * in the head for feed readers and offered as links at the end of <main>.
   */
  feeds?: Array<{ title: string; path: string }>;
}

/** JSON that cannot close its <script> element: "<" is written as its escape. */
const scriptJson = (data: Record<string, unknown>) =>
  JSON.stringify({ "@context": "https://schema.org", ...data }).replace(/</g, "\\u003c");

export function Layout({
  title,
  children,
  description,
  width = "wide",
  structuredData,
  feeds = [],
}: LayoutProps) {
  const {
    locale,
    dir,
    t,
    path,
    search,
    asset,
    flash,
    account,
    csrfToken,
    publicUrl,
    pageErrors,
    ogImage,
    source,
  } = usePage();
  const home = `/${locale}`;
  if (pageErrors) pageErrors.layout = true;
  const unread = account?.unread ?? 0;
  const pageUrl = (l: string) => `${publicUrl}/${l}${path === "/" ? "" : path}${search}`;
  return (
    <html lang={locale} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b6e4f" />
        <title>{`${title} · ${t("views.layout.siteName")}`}</title>
        {description && <meta name="description" content={description} />}
        {/* Link previews (Open Graph, Twitter cards): plain metadata, no third-party script. */}
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={t("views.layout.siteName")} />
        <meta property="og:title" content={title} />
        {description && <meta property="og:description" content={description} />}
        <meta property="og:url" content={pageUrl(locale)} />
        <meta property="og:locale" content={OG_LOCALES[locale]} />
        {/* A PNG drawn from the title (og-image/), as Facebook, WhatsApp and X want: 1200 × 630. */}
        <meta property="og:image" content={`${publicUrl}${ogImage(title)}`} />
        <meta property="og:image:type" content="image/png" />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta property="og:image:alt" content={`${title} · ${t("views.layout.siteName")}`} />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={title} />
        {description && <meta name="twitter:description" content={description} />}
        <link rel="stylesheet" href={asset("sharek.css")} />
        <link rel="icon" href={asset("favicon.svg")} type="image/svg+xml" />
        {/* Absolute links, as search engines require: this page, and its versions in each language
            (Arabic is the default for a reader whose language the site does not have). */}
        <link rel="canonical" href={pageUrl(locale)} />
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={pageUrl(l)} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={pageUrl(LOCALES[0])} />
        {feeds.map((f) => (
          <link
            key={f.path}
            rel="alternate"
            type="application/atom+xml"
            title={f.title}
            href={`${publicUrl}/${locale}${f.path}`}
          />
        ))}
        <script type="module" src={asset("sharek.js")} />
        {structuredData && (
          // JSON with "<" escaped: a data block the browser never runs, which cannot end its element early.
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: scriptJson(structuredData) }}
          />
        )}
      </head>
      <body class="sh-body">
        <a class="sh-skip-link" href="#main">
          {t("views.layout.skipToContent")}
        </a>
        <header class="sh-header">
          <div class="sh-header__inner sh-width">
            <a class="sh-header__brand" href={home}>
              <img class="sh-header__logo" src={asset("favicon.svg")} alt="" width="32" height="32" />
              <span class="sh-header__name">{t("views.layout.siteName")}</span>
              <span class="sh-header__tagline">{t("views.layout.tagline")}</span>
            </a>
            {/* On a phone the menu folds into one button: <details> opens without JavaScript. On wider
                screens the stylesheet keeps it open and hides the button. */}
            <details class="sh-menu">
              <summary class="sh-menu__toggle">
                {t("views.layout.menu")}
                {unread > 0 && (
                  <span class="sh-header__badge">
                    <span aria-hidden="true">{unread}</span>
                    <span class="sh-visually-hidden">{t("views.layout.unread", { count: unread })}</span>
                  </span>
                )}
              </summary>
              <div class="sh-menu__panel">
                {/* The portal's search: a plain GET form, with or without JavaScript. */}
                <search class="sh-header-search" aria-label={t("views.layout.searchLabel")}>
                  <form method="get" action={`${home}/search`} class="sh-header-search__form">
                    <label class="sh-visually-hidden" for="sh-header-q">
                      {t("views.layout.searchLabel")}
                    </label>
                    <input
                      id="sh-header-q"
                      class="sh-header-search__input"
                      type="search"
                      name="q"
                      maxLength={200}
                      enterkeyhint="search"
                    />
                    <button type="submit" class="sh-header-search__button">
                      {t("views.layout.searchButton")}
                    </button>
                  </form>
                </search>
                <nav class="sh-header__languages" aria-label={t("views.layout.languageNav")}>
                  <ul class="sh-header__list">
                    {LOCALES.map((l) => (
                      <li key={l}>
                        {l === locale ? (
                          <span class="sh-header__language" aria-current="true" lang={l}>
                            {LANGUAGE_NAMES[l]}
                          </span>
                        ) : (
                          <a
                            class="sh-header__language"
                            href={`/${l}${path === "/" ? "" : path}${search}`}
                            hrefLang={l}
                            lang={l}
                          >
                            {LANGUAGE_NAMES[l]}
                          </a>
                        )}
                      </li>
                    ))}
                  </ul>
                </nav>
                <nav class="sh-header__account" aria-label={t("views.layout.accountNav")}>
                  <ul class="sh-header__list">
                    {account ? (
                      <>
                        <li>
                          <a class="sh-header__user" href={`${home}/account`}>
                            {account.name}
                          </a>
                        </li>
                        <li>
                          <a href={`${home}/requests`}>{t("views.layout.myRequests")}</a>
                        </li>
                        <li>
                          <a href={`${home}/subscriptions`}>{t("views.layout.subscriptions")}</a>
                        </li>
                        <li>
                          <a
                            href={`${home}/notifications`}
                            aria-current={path === "/notifications" ? "page" : undefined}
                          >
                            {t("views.layout.notifications")}
                            {unread > 0 && (
                              <span class="sh-header__badge">
                                <span aria-hidden="true">{unread}</span>
                                <span class="sh-visually-hidden">
                                  {t("views.layout.unread", { count: unread })}
                                </span>
                              </span>
                            )}
                          </a>
                        </li>
                        {account.staff && (
                          <li>
                            <a href={`${home}/admin`}>{t("views.layout.admin")}</a>
                          </li>
                        )}
                        <li>
                          <form method="post" action={`${home}/sign-out`} class="sh-header__sign-out">
                            <input type="hidden" name="_csrf" value={csrfToken()} />
                            <button type="submit" class="sh-link-button">
                              {t("views.layout.signOut")}
                            </button>
                          </form>
                        </li>
                      </>
                    ) : (
                      <li>
                        <a
                          href={`${home}/sign-in?next=${encodeURIComponent(`${home}${path === "/" ? "" : path}`)}`}
                        >
                          {t("views.layout.signIn")}
                        </a>
                      </li>
                    )}
                  </ul>
                </nav>
                <nav class="sh-nav" aria-label={t("views.layout.mainNav")}>
                  <ul class="sh-nav__list">
                    <li>
                      <a
                        class="sh-nav__link"
                        href={`${home}/consultations`}
                        aria-current={path.startsWith("/consultations") ? "page" : undefined}
                      >
                        {t("views.layout.nav.consultations")}
                      </a>
                    </li>
                    <li>
                      <a
                        class="sh-nav__link"
                        href={`${home}/requests/new`}
                        aria-current={path.startsWith("/requests") ? "page" : undefined}
                      >
                        {t("views.layout.nav.requests")}
                      </a>
                    </li>
                    {(["ideas", "forum", "news"] as const).map((section) => (
                      <li key={section}>
                        <a
                          class="sh-nav__link"
                          href={`${home}/${section}`}
                          aria-current={path.startsWith(`/${section}`) ? "page" : undefined}
                        >
                          {t(`views.layout.nav.${section}`)}
                        </a>
                      </li>
                    ))}
                    <li>
                      <a
                        class="sh-nav__link"
                        href={`${home}/events`}
                        aria-current={path.startsWith("/events") ? "page" : undefined}
                      >
                        {t("views.layout.nav.events")}
                      </a>
                    </li>
                    <li>
                      <a
                        class="sh-nav__link"
                        href={`${home}/help`}
                        aria-current={path.startsWith("/help") ? "page" : undefined}
                      >
                        {t("views.layout.nav.help")}
                      </a>
                    </li>
                    <li>
                      <a
                        class="sh-nav__link"
                        href={`${home}/structures`}
                        aria-current={path.startsWith("/structures") ? "page" : undefined}
                      >
                        {t("views.layout.nav.structures")}
                      </a>
                    </li>
                  </ul>
                </nav>
              </div>
            </details>
          </div>
        </header>
        <main id="main" class={`sh-main sh-width sh-width--${width}`} tabIndex={-1}>
          {/* reply.render puts the page's one error summary here (see renderPage). */}
          {pageErrors && ERROR_SUMMARY_SLOT}
          {flash && <NotificationBanner id="flash" kind={flash.kind} title={flash.message} />}
          {children}
          {feeds.length > 0 && (
            <nav class="sh-feeds" aria-label={t("views.feeds.label")}>
              {feeds.map((f) => (
                <p key={f.path} class="sh-body-text">
                  <a class="sh-link" href={`${home}${f.path}`} type="application/atom+xml">
                    {t("views.feeds.subscribe", { title: f.title })}
                  </a>
                </p>
              ))}
            </nav>
          )}
        </main>
        <footer class="sh-footer">
          <div class="sh-width sh-footer__inner">
            <p class="sh-footer__text">{t("views.layout.footerAbout")}</p>
            <p class="sh-footer__text">
              {t("views.layout.footerLicence")}{" "}
              {/* AGPL-3.0 section 13: whoever uses the portal can get the source of the version it runs. */}
              <a class="sh-link" href={source.url}>
                {t("views.layout.footerSource", { version: source.version })}
              </a>
            </p>
            <nav aria-label={t("views.layout.footerLinks")}>
              <ul class="sh-footer__links">
                {(
                  [
                    ["/search", "footerSearch"],
                    ["/transparency", "footerTransparency"],
                    ["/accountability", "footerAccountability"],
                    ["/open-data", "footerOpenData"],
                    ["/integrity", "footerIntegrity"],
                    ["/legal/terms", "footerTerms"],
                    ["/legal/privacy", "footerPrivacy"],
                    ["/legal/accessibility", "footerAccessibility"],
                  ] as const
                ).map(([target, key]) => (
                  <li key={key}>
                    <a class="sh-link" href={`${home}${target}`}>
                      {t(`views.layout.${key}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
