import type { ComponentChildren } from "preact";
import { usePage } from "../../../../core/views/context.js";
import { SectionLayout } from "../../../../core/views/section-layout.js";

export type StaffSection = "queue" | "intake" | "workload" | "templates" | "routing" | "preferences";

/** Which sections of the requests workspace the actor may open (computed by the routes). */
export interface StaffNav {
  workload: boolean;
  templates: boolean;
  routing: boolean;
  preferences: boolean;
}

/** The requests workspace: the site layout with its sections (queue, intake, workload, templates, routing, preferences) beside the content. */
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
  const links: Array<[StaffSection, string, boolean]> = [
    ["queue", "/staff/requests", true],
    ["intake", "/staff/requests/new", true],
    ["workload", "/staff/workload", nav.workload],
    ["templates", "/staff/templates", nav.templates],
    ["routing", "/staff/routing", nav.routing],
    ["preferences", "/staff/preferences", nav.preferences],
  ];
  return (
    <SectionLayout
      title={title}
      navLabel={t("cases.staff.nav.label")}
      current={section}
      links={links
        .filter(([, , allowed]) => allowed)
        .map(([key, path]) => ({ key, path, text: t(`cases.staff.nav.${key}`) }))}
    >
      {children}
    </SectionLayout>
  );
}
