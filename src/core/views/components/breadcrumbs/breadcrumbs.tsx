import { usePage } from "../../context.js";

export interface BreadcrumbItem {
  text: string;
  /** Every item but the current page links to its page. */
  href?: string;
}

export interface BreadcrumbsProps {
  /** From the home page to the current page, which comes last. */
  items: BreadcrumbItem[];
  /** The navigation's accessible name; defaults to "Breadcrumb". */
  label?: string;
}

/**
 * Where the current page sits in the site, as an ordered list of links. Each item is isolated, since
 * a title can be written in another script than the page (a French consultation in the Arabic site).
 */
export function Breadcrumbs({ items, label }: BreadcrumbsProps) {
  const { t } = usePage();
  return (
    <nav class="sh-breadcrumbs" aria-label={label ?? t("views.breadcrumbs.label")}>
      <ol class="sh-breadcrumbs__list">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={item.text} class="sh-breadcrumbs__item" aria-current={last ? "page" : undefined}>
              {item.href && !last ? (
                <a class="sh-breadcrumbs__link" href={item.href}>
                  <bdi>{item.text}</bdi>
                </a>
              ) : (
                <bdi>{item.text}</bdi>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
