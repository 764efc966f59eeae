import type { ComponentChildren } from "preact";
import { usePage } from "../../../core/views/context.js";
import { SectionLayout } from "../../../core/views/section-layout.js";

export type AdminSection =
  | "home"
  | "structures"
  | "consultations"
  | "staff"
  | "deadlines"
  | "ideas"
  | "calendar"
  | "open311"
  | "audit"
  | "settings"
  | "events"
  | "newsletters"
  | "widgets"
  | "help"
  | "legal"
  | "insights";

/** The sections of the admin area each actor may open; computed once per request by the route. */
export interface AdminAbilities {
  structures: boolean;
  /** Consultations of the structures the actor runs (platform admins: all). */
  consultations: boolean;
  staff: boolean;
  deadlines: boolean;
  /** The idea thresholds of the structures the actor runs (platform admins: all). */
  ideas: boolean;
  /** The requests workspace (queue, templates, routing) at /staff/requests. */
  requests: boolean;
  audit: boolean;
  settings: boolean;
  /** The integrity officers' workspace at /integrity/officer (reports addressed to them). */
  integrityReports: boolean;
  /** How many integrity reports there are, for staff who may not read them (/integrity/counts). */
  integrityCounts: boolean;
  /** Outreach: events (agents mark attendance), newsletters, widgets, the help centre. */
  events: boolean;
  newsletters: boolean;
  widgets: boolean;
  help: boolean;
  /** Participation and service-level dashboards (structure admins: their structures). */
  insights: boolean;
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
  const links: Array<[AdminSection, string, boolean]> = [
    ["home", "/admin", true],
    ["consultations", "/admin/consultations", abilities.consultations],
    ["structures", "/admin/structures", abilities.structures],
    ["staff", "/admin/staff", abilities.staff],
    ["deadlines", "/admin/deadlines", abilities.deadlines],
    ["ideas", "/admin/ideas", abilities.ideas],
    ["calendar", "/admin/calendar", abilities.settings],
    ["open311", "/admin/open311", abilities.settings],
    ["events", "/admin/events", abilities.events],
    ["newsletters", "/admin/newsletters", abilities.newsletters],
    ["widgets", "/admin/widgets", abilities.widgets],
    ["help", "/admin/help", abilities.help],
    ["legal", "/admin/legal", abilities.settings],
    ["insights", "/admin/insights", abilities.insights],
    ["audit", "/admin/audit", abilities.audit],
    ["settings", "/admin/settings", abilities.settings],
  ];
  return (
    <SectionLayout
      title={title}
      navLabel={t("admin.nav.label")}
      current={section}
      links={links
        .filter(([, , allowed]) => allowed)
        .map(([key, path]) => ({ key, path, text: t(`admin.nav.${key}`) }))}
    >
      {children}
    </SectionLayout>
  );
}
