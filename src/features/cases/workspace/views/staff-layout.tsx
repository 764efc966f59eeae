import type { ComponentChildren } from "preact";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Layout } from "../../../../core/views/layout.js";

export type StaffSection =
  | "queue"
  | "intake"
  | "workload"
  | "templates"
  | "routing"
  | "teams"
  | "preferences";

/** Which sections of the requests workspace the actor may open (computed by the routes). */
export interface StaffNav {
  workload: boolean;
  templates: boolean;
  routing: boolean;
  teams: boolean;
  preferences: boolean;
}

/**
 * The requests workspace: the site layout at the screen's full width, its sections (queue, intake,
 * workload, templates, routing, teams, preferences) as one line of links above the content, so that the
 * queue's table keeps the width a side menu would take. A menu of one link is no menu: it is left out.
 */
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
  const links = (
    [
      ["queue", "/staff/requests", true],
      ["intake", "/staff/requests/new", true],
      ["workload", "/staff/workload", nav.workload],
      ["templates", "/staff/templates", nav.templates],
      ["routing", "/staff/routing", nav.routing],
      ["teams", "/staff/teams", nav.teams],
      // The staff's notifications are one more kind on everyone's notification preferences page.
      ["preferences", "/notifications/preferences", nav.preferences],
    ] as Array<[StaffSection, string, boolean]>
  ).filter(([, , allowed]) => allowed);
  return (
    <Layout title={title} width="full">
      {links.length > 1 && (
        <nav class="sh-subnav" aria-label={t("cases.workspace.nav.label")}>
          <ul class="sh-subnav__list">
            {links.map(([key, path]) => (
              <li key={key}>
                <a
                  class="sh-subnav__link"
                  href={href(path)}
                  aria-current={key === section ? "page" : undefined}
                >
                  {t(`cases.workspace.nav.${key}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </Layout>
  );
}
