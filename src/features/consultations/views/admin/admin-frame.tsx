import type { ComponentChildren } from "preact";
import { pickLocalized } from "../../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { AdminLayout } from "../../../admin/views/admin-layout.js";
import type { Consultation } from "../../queries.js";

export type ManageTab =
  | "overview"
  | "edit"
  | "sections"
  | "questionnaire"
  | "documents"
  | "results"
  | "opinion-map"
  | "outcome";
const TABS: ManageTab[] = [
  "overview",
  "edit",
  "sections",
  "questionnaire",
  "documents",
  "results",
  "opinion-map",
  "outcome",
];

/** The admin frame of one consultation: breadcrumbs, its title, and the tabs of its admin pages. */
export function ConsultationAdminFrame({
  c,
  tab,
  title,
  children,
}: {
  c: Pick<Consultation, "id" | "title">;
  tab: ManageTab;
  /** The page's own title when it is not the consultation's. */
  title?: string;
  children: ComponentChildren;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const name = pickLocalized(c.title, locale).text;
  const base = `/admin/consultations/${c.id}`;
  return (
    <AdminLayout title={title ? `${title} · ${name}` : name} section="consultations">
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("consultations.admin.list.title"), href: href("/admin/consultations") },
          ...(tab === "overview"
            ? [{ text: name }]
            : [{ text: name, href: href(base) }, { text: title ?? "" }]),
        ]}
      />
      <nav class="sh-tabs" aria-label={t("consultations.admin.tabs.label")}>
        <ul class="sh-tabs__list">
          {TABS.map((key) => (
            <li key={key}>
              <a
                class="sh-tabs__link"
                href={href(key === "overview" ? base : `${base}/${key}`)}
                aria-current={key === tab ? "page" : undefined}
              >
                {t(`consultations.admin.tabs.${key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </AdminLayout>
  );
}
