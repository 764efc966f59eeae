import type { ComponentChildren } from "preact";
import { usePage } from "../../../core/views/context.js";
import { SectionLayout } from "../../../core/views/section-layout.js";

/**
 * A section of the admin area: "home" or the id of a section a feature's manifest declares
 * (`adminSections`: "consultations", "events", "insights"…).
 */
export type AdminSection = string;

/** The sections of the admin area an actor may open (adminAbilities), which the manifests' `allowed` read. */
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

/**
 * The admin area's frame: the site layout with a section navigation beside the content. The
 * navigation lists the sections every feature declares (`adminSections` in its manifest) that the
 * actor may open.
 */
export function AdminLayout({
  title,
  section,
  children,
}: {
  title: string;
  section: AdminSection;
  children: ComponentChildren;
}) {
  const { t, adminLinks } = usePage();
  const links = adminLinks?.() ?? [];
  return (
    <SectionLayout
      title={title}
      navLabel={t("admin.nav.label")}
      current={section}
      links={links.map(({ id, path, labelKey }) => ({ key: id, path, text: t(labelKey) }))}
    >
      {children}
    </SectionLayout>
  );
}
