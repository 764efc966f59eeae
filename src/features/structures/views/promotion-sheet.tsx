import { pickLocalized } from "../../../core/i18n/localized.js";
import { usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { Structure } from "../queries.js";

/** A printed sheet's paper: the poster for a wall (A4) or the flyer to hand out (A5). */
export type SheetSize = "a4" | "a5";

/** One way in: what to do, the address and its QR code (qrSvg() of our own URL, safe to inline). */
export interface SheetLink {
  key: "request" | "consultations";
  url: string;
  qr: string;
}

/**
 * The promotion kit of a structure (issue 23, the communication plan): a sheet to print for its
 * counters and regional trainings, in the page's language, with a QR code to its request form and
 * one to its open consultations. The paper size comes from the print style sheet (@page).
 */
export function PromotionSheetPage({
  structure,
  size,
  links,
  portal,
}: {
  structure: Structure;
  size: SheetSize;
  links: SheetLink[];
  portal: string;
}) {
  const { t, locale } = usePage();
  const name = pickLocalized(structure.name, locale).text;
  return (
    <Layout title={t(`structures.kit.${size}.pageTitle`, { name })}>
      <p class="sh-body-text sh-no-print">
        {t("structures.kit.printHint")}{" "}
        <a class="sh-link" href={`/${locale}/structures/${structure.code}`}>
          {t("structures.kit.back", { name })}
        </a>
      </p>
      <article class={`sh-poster sh-kit sh-kit--${size}`}>
        <p class="sh-poster__kicker">{name}</p>
        <h1 class="sh-poster__title">{t("structures.kit.title")}</h1>
        <p class="sh-poster__cta">{t("structures.kit.sheetLead", { name })}</p>
        <div class="sh-kit__links">
          {links.map((link) => (
            <figure class="sh-kit__link" key={link.key}>
              {/* The SVG is made by the qrcode library from our own URL: no outside markup. */}
              <div
                class="sh-poster__code"
                role="img"
                aria-label={t(`structures.kit.${link.key}.qrLabel`)}
                dangerouslySetInnerHTML={{ __html: link.qr }}
              />
              <figcaption>
                <strong class="sh-kit__action">{t(`structures.kit.${link.key}.action`)}</strong>
                <span class="sh-poster__url" dir="ltr">
                  {link.url}
                </span>
              </figcaption>
            </figure>
          ))}
        </div>
        <p class="sh-poster__brand">
          {t("views.layout.siteName")} · <span dir="ltr">{portal.replace(/^https?:\/\//, "")}</span>
        </p>
      </article>
    </Layout>
  );
}
