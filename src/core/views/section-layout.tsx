import type { ComponentChildren } from "preact";
import { useHref } from "./context.js";
import { Layout } from "./layout.js";

export interface SectionLink {
  key: string;
  /** Locale-relative path. */
  path: string;
  text: string;
}

/**
 * A work area (administration, the requests workspace): the site layout with the area's section
 * menu beside the content, the current section marked.
 */
export function SectionLayout({
  title,
  navLabel,
  links,
  current,
  children,
}: {
  title: string;
  navLabel: string;
  links: SectionLink[];
  current: string;
  children: ComponentChildren;
}) {
  const href = useHref();
  return (
    <Layout title={title}>
      <div class="sh-admin">
        <nav class="sh-admin__nav" aria-label={navLabel}>
          <ul class="sh-admin__list">
            {links.map((link) => (
              <li key={link.key}>
                <a
                  class="sh-admin__link"
                  href={href(link.path)}
                  aria-current={link.key === current ? "page" : undefined}
                >
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="sh-admin__content">{children}</div>
      </div>
    </Layout>
  );
}
