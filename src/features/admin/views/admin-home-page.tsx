import { Card } from "../../../core/views/components/card/card.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { type AdminAbilities, AdminLayout } from "./admin-layout.js";

export function AdminHomePage({ abilities }: { abilities: AdminAbilities }) {
  const { t } = usePage();
  const href = useHref();
  const sections = (
    [
      ["requests", abilities.requests],
      ["integrity", abilities.integrityReports || abilities.integrityCounts],
      ["consultations", abilities.consultations],
      ["structures", abilities.structures],
      ["staff", abilities.staff],
      ["deadlines", abilities.deadlines],
      ["ideas", abilities.ideas],
      ["calendar", abilities.settings],
      ["open311", abilities.settings],
      ["insights", abilities.insights],
      ["audit", abilities.audit],
      ["settings", abilities.settings],
    ] as const
  )
    .filter(([, allowed]) => allowed)
    .map(([s]) => s);
  return (
    <AdminLayout title={t("admin.home.title")} section="home" abilities={abilities}>
      <h1 class="sh-heading-xl">{t("admin.home.title")}</h1>
      <p class="sh-lead">{t("admin.home.lead")}</p>
      <ul class="sh-card-list">
        {sections.map((s) => (
          <li key={s}>
            <Card
              title={t(`admin.nav.${s}`)}
              href={href(
                s === "requests"
                  ? "/staff/requests"
                  : s === "integrity"
                    ? abilities.integrityReports
                      ? "/integrity/officer"
                      : "/integrity/counts"
                    : `/admin/${s}`,
              )}
              headingLevel={2}
            >
              <p class="sh-body-text">{t(`admin.home.${s}`)}</p>
            </Card>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
