import type { ComponentChildren } from "preact";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";

export type AdminSection = "home" | "structures" | "staff" | "audit" | "settings";

/** The sections of the admin area each actor may open; computed once per request by the route. */
export interface AdminAbilities {
  structures: boolean;
  staff: boolean;
  audit: boolean;
  settings: boolean;
}

/** The admin area's frame: the site layout with a section navigation beside the content. */
export function AdminLayout({
  title,
  section,
  abilities,
  children,
}: {
  title: string;
  section: AdminSection;
  abilities: AdminAbilities;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const href = useHref();
  const links: Array<[AdminSection, string, boolean]> = [
    ["home", "/admin", true],
    ["structures", "/admin/structures", abilities.structures],
    ["staff", "/admin/staff", abilities.staff],
    ["audit", "/admin/audit", abilities.audit],
    ["settings", "/admin/settings", abilities.settings],
  ];
  return (
    <Layout title={title}>
      <div class="sh-admin">
        <nav class="sh-admin__nav" aria-label={t("admin.nav.label")}>
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
                    {t(`admin.nav.${key}`)}
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
