import type { AdminNavSection } from "../../../core/features/contracts.js";
import { Card } from "../../../core/views/components/card/card.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { AdminLayout } from "./admin-layout.js";

/** A section that has a card on the admin home. */
export type AdminCard = AdminNavSection & { summaryKey: string };

/** A card per section the route found open to the actor, in their order. */
export function AdminHomePage({ sections }: { sections: AdminCard[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("admin.home.title")} section="home">
      <h1 class="sh-heading-xl">{t("admin.home.title")}</h1>
      <p class="sh-lead">{t("admin.home.lead")}</p>
      <ul class="sh-card-list">
        {sections.map((s) => (
          <li key={s.id}>
            <Card title={t(s.labelKey)} href={href(s.path)} headingLevel={2}>
              <p class="sh-body-text">{t(s.summaryKey)}</p>
            </Card>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
