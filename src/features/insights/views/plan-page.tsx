import { usePage } from "../../../core/views/context.js";
import type { PlanResult } from "../../accountability/queries.js";
import { ResultList } from "../../accountability/views/parts.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { PlanTimeline } from "./transparency-page.js";

/**
 * Platform admins: the national action plan, which is the results of origin "plan". They are added,
 * edited and updated in accountability (its form, each result's page): there is no second editor.
 */
export function PlanPage({ milestones }: { milestones: PlanResult[] }) {
  const { t, locale } = usePage();
  return (
    <AdminLayout title={t("insights.plan.title")} section="insights">
      <h1 class="sh-heading-xl">{t("insights.plan.title")}</h1>
      <p class="sh-lead">{t("insights.plan.adminLead")}</p>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href={`/${locale}/admin/accountability/new?origin=plan`}>
            {t("insights.plan.add")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={`/${locale}/accountability?origin=plan`}>
            {t("insights.plan.publicList")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={`/${locale}/transparency`}>
            {t("insights.public.title")}
          </a>
        </li>
      </ul>
      {milestones.length === 0 ? (
        <p class="sh-body-text">{t("insights.plan.empty")}</p>
      ) : (
        <>
          <PlanTimeline milestones={milestones} />
          <h2 class="sh-heading-m">{t("accountability.list.count", { count: milestones.length })}</h2>
          <ResultList rows={milestones} idPrefix="plan" />
        </>
      )}
    </AdminLayout>
  );
}
