import type { ComponentChildren } from "preact";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Layout } from "../../../../core/views/layout.js";

export type StaffSection = "queue" | "templates" | "routing";

/** Which sections of the requests workspace the actor may open (computed by the routes). */
export interface StaffNav {
  templates: boolean;
  routing: boolean;
}

/** The requests workspace: the site layout with its sections (queue, templates, routing) beside the content. */
export function StaffLayout({
  title,
  section,
  nav,
  children,
}: {
  title: string;
  section: StaffSection;
  nav: StaffNav;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const href = useHref();
  const links: Array<[StaffSection, string, boolean]> = [
    ["queue", "/staff/requests", true],
    ["templates", "/staff/templates", nav.templates],
    ["routing", "/staff/routing", nav.routing],
  ];
  return (
    <Layout title={title}>
      <div class="sh-admin">
        <nav class="sh-admin__nav" aria-label={t("cases.staff.nav.label")}>
          <ul class="sh-admin__list">
            {links
              .filter(([, , allowed]) => allowed)
              .map(([key, path]) => (
                <li key={key}>
                  <a
                    class="sh-admin__link"
                    href={href(path)}
                    aria-current={key === section ? "page" : undefined}
                  >
                    {t(`cases.staff.nav.${key}`)}
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
