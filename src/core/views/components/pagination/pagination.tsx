import { formatNumber } from "../../../i18n/format.js";
import { usePage } from "../../context.js";

export interface PaginationProps {
  /** The current page, from 1. */
  page: number;
  totalPages: number;
  /** The query parameter holding the page number; other parameters are kept in every link. */
  param?: string;
  /** The navigation's accessible name; defaults to "Pagination". Give each one on a page its own. */
  label?: string;
}

/** Page numbers to show: the first, the last, and the current one with its neighbours. */
export function pageWindow(page: number, total: number): Array<number | "gap"> {
  const wanted = new Set([1, total, page - 1, page, page + 1].filter((n) => n >= 1 && n <= total));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | "gap"> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && n - last === 2) out.push(last + 1);
    else if (typeof last === "number" && n - last > 2) out.push("gap");
    out.push(n);
  }
  return out;
}

function Arrow({ direction }: { direction: "previous" | "next" }) {
  return (
    <svg
      class={`sh-pagination__icon sh-pagination__icon--${direction}`}
      aria-hidden="true"
      focusable="false"
      width="15"
      height="13"
      viewBox="0 0 15 13"
    >
      <path
        fill="currentColor"
        d={
          direction === "previous"
            ? "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"
            : "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
        }
      />
    </svg>
  );
}

/**
 * Previous and next links with the page numbers between, as plain links that keep the page's
 * other query parameters (filters, search terms). Renders nothing for a single page.
 */
export function Pagination({ page, totalPages, param = "page", label }: PaginationProps) {
  const { t, locale, path, search } = usePage();
  if (totalPages <= 1) return null;
  const current = Math.min(Math.max(1, page), totalPages);
  const href = (n: number) => {
    const query = new URLSearchParams(search);
    if (n === 1) query.delete(param);
    else query.set(param, String(n));
    const qs = query.toString();
    return `/${locale}${path === "/" ? "" : path}${qs ? `?${qs}` : ""}`;
  };
  return (
    <nav class="sh-pagination" aria-label={label ?? t("views.pagination.label")}>
      <p class="sh-pagination__status">
        {t("views.pagination.status", { page: current, total: totalPages })}
      </p>
      <div class="sh-pagination__row">
        {current > 1 && (
          <a class="sh-pagination__link sh-pagination__link--previous" href={href(current - 1)} rel="prev">
            <Arrow direction="previous" />
            <span>{t("views.pagination.previous")}</span>
          </a>
        )}
        <ul class="sh-pagination__list">
          {pageWindow(current, totalPages).map((n, i) =>
            n === "gap" ? (
              <li key={`gap-${i}`} class="sh-pagination__item sh-pagination__item--gap" aria-hidden="true">
                …
              </li>
            ) : (
              <li
                key={n}
                class={
                  n === current ? "sh-pagination__item sh-pagination__item--current" : "sh-pagination__item"
                }
              >
                <a
                  class="sh-pagination__link"
                  href={href(n)}
                  aria-label={t("views.pagination.page", { page: n })}
                  aria-current={n === current ? "page" : undefined}
                >
                  {formatNumber(n, locale)}
                </a>
              </li>
            ),
          )}
        </ul>
        {current < totalPages && (
          <a class="sh-pagination__link sh-pagination__link--next" href={href(current + 1)} rel="next">
            <span>{t("views.pagination.next")}</span>
            <Arrow direction="next" />
          </a>
        )}
      </div>
    </nav>
  );
}
