import { formatDate, formatNumber } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { usePage } from "../../../core/views/context.js";
import { Localized } from "../../structures/views/localized-text.js";
import type { WidgetData } from "../kinds.js";

const REQUEST_TYPES = ["notice", "complaint", "suggestion", "guidance", "information"] as const;

/**
 * A widget as its own small document, for an iframe on a structure's website: Sharek's stylesheet,
 * no script, and links and forms that open Sharek in a new tab.
 */
export function WidgetPage({
  structure,
  data,
}: {
  structure: { code: string; name: LocalizedText };
  data: WidgetData;
}) {
  const { t, locale, dir, asset } = usePage();
  const base = `/${locale}`;
  return (
    <html lang={locale} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t(`widgets.kind.${data.kind}`)}</title>
        <link rel="stylesheet" href={asset("sharek.css")} />
        <link rel="icon" href={asset("favicon.svg")} type="image/svg+xml" />
      </head>
      <body class="sh-widget">
        <main>
          <h1 class="sh-heading-m">{t(`widgets.kind.${data.kind}`)}</h1>
          <p class="sh-body-text sh-widget__structure">
            <Localized text={structure.name} />
          </p>
          {data.kind === "consultations" &&
            (data.open.length > 0 ? (
              <ul class="sh-list">
                {data.open.map((c) => (
                  <li key={c.id} class="sh-widget__item">
                    <a class="sh-link" href={`${base}/consultations/${c.id}`} target="_blank" rel="noopener">
                      <Localized text={c.title} />
                    </a>
                    <br />
                    {t("widgets.consultations.closes", { date: formatDate(c.closesAt, locale) })}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="sh-body-text">{t("widgets.consultations.none")}</p>
            ))}
          {data.kind === "answered" &&
            (data.enough ? (
              <>
                <p class="sh-body-text">
                  {t("widgets.answered.figures", {
                    answered: formatNumber(data.answered, locale),
                    received: formatNumber(data.received, locale),
                  })}
                </p>
                <ul class="sh-list">
                  {data.latest.map((r, i) => (
                    <li key={i} class="sh-widget__item">
                      <strong>{t(`cases.types.${r.type}`)}</strong>
                      {r.category && (
                        <>
                          {" · "}
                          <Localized text={r.category} />
                        </>
                      )}
                      <br />
                      {t("widgets.answered.when", { date: formatDate(r.answeredAt, locale), days: r.days })}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="sh-body-text">{t("widgets.answered.notEnough")}</p>
            ))}
          {data.kind === "request" && (
            <form method="get" action={`${base}/requests/new`} target="_blank" rel="noopener">
              <input type="hidden" name="structure" value={structure.code} />
              <Radios
                id="type"
                name="type"
                label={t("widgets.request.question")}
                value="complaint"
                items={REQUEST_TYPES.map((type) => ({ value: type, label: t(`cases.types.${type}`) }))}
              />
              <Button>{t("widgets.request.start")}</Button>
            </form>
          )}
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
