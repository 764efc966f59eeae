import type { VNode } from "preact";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";

/**
 * A widget as its own small document, for an iframe on a structure's website: Sharek's stylesheet,
 * no script, and links and forms that open Sharek in a new tab. The body is the widget kind's (a
 * feature's manifest declares it: `widgets`).
 */
export function WidgetPage({
  structure,
  titleKey,
  body,
}: {
  structure: { code: string; name: LocalizedText };
  titleKey: string;
  body: VNode;
}) {
  const { t, locale, dir, asset } = usePage();
  const base = `/${locale}`;
  return (
    <html lang={locale} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t(titleKey)}</title>
        <link rel="stylesheet" href={asset("sharek.css")} />
        <link rel="icon" href={asset("favicon.svg")} type="image/svg+xml" />
      </head>
      <body class="sh-widget">
        <main>
          <h1 class="sh-heading-m">{t(titleKey)}</h1>
          <p class="sh-body-text sh-widget__structure">
            <Localized text={structure.name} />
          </p>
          {body}
          <p class="sh-body-text">
            <a class="sh-link" href={`${base}/structures/${structure.code}`} target="_blank" rel="noopener">
              {t("widgets.more")}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
