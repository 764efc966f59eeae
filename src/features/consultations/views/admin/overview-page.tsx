import { formatDate, formatNumber } from "../../../../core/i18n/format.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { Localized } from "../../../../core/views/localized-text.js";
import { Problem } from "../../../../core/views/problem.js";
import { phaseOf } from "../../phase.js";
import type { ConsultationView } from "../../queries.js";
import { PhaseTag } from "../parts.js";
import { ConsultationAdminFrame } from "./admin-frame.js";

/** A consultation's admin home: where it stands, what to do next, and its figures so far. */
export function OverviewPage({
  c,
  counts,
  error,
}: {
  c: ConsultationView;
  counts: { sections: number; questions: number; documents: number; comments: number; respondents: number };
  /** An i18n key: why the last action was refused. */
  error?: string;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const phase = phaseOf(c);
  const base = `/admin/consultations/${c.id}`;
  return (
    <ConsultationAdminFrame c={c} tab="overview">
      {error && <Problem id="action-error" title={t(error)} />}
      <UserText as="h1" class="sh-heading-xl">
        <Localized text={c.title} />
      </UserText>
      <SummaryList>
        <SummaryRow label={t("consultations.admin.fields.phase")}>
          <PhaseTag consultation={c} />
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.structure")}>
          <UserText>
            <Localized text={c.structure.name} />
          </UserText>
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.dates")}>
          {formatDate(c.opensAt, locale)} – {formatDate(c.closesAt, locale)}
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.participation")}>
          {t(`consultations.admin.form.participation.${c.participation}`)}
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.sections")}>
          {formatNumber(counts.sections, locale)}
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.questions")}>
          {formatNumber(counts.questions, locale)}
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.documents")}>
          {formatNumber(counts.documents, locale)}
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.comments")}>
          {formatNumber(counts.comments, locale)}
        </SummaryRow>
        <SummaryRow label={t("consultations.admin.fields.respondents")}>
          {formatNumber(counts.respondents, locale)}
        </SummaryRow>
      </SummaryList>
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/consultations/${c.id}`)}>
          {t("consultations.admin.overview.publicPage")}
        </a>
      </p>
      <h2 class="sh-heading-l">{t("consultations.admin.overview.next")}</h2>
      <p class="sh-body-text">{t(`consultations.admin.overview.hint.${phase}`)}</p>
      <div class="sh-button-group">
        {phase === "draft" && (
          <Form action={`${base}/publish`} class="sh-inline-form">
            <Button variant="secondary">{t("consultations.admin.actions.publish")}</Button>
          </Form>
        )}
        {(phase === "draft" || phase === "announced") && (
          <Form action={`${base}/open`} class="sh-inline-form">
            <Button>{t("consultations.admin.actions.open")}</Button>
          </Form>
        )}
        {phase === "open" && (
          <Form action={`${base}/close`} class="sh-inline-form">
            <Button variant="warning">{t("consultations.admin.actions.close")}</Button>
          </Form>
        )}
        {phase === "analysis" && (
          <Button href={href(`${base}/outcome`)}>{t("consultations.admin.actions.outcome")}</Button>
        )}
      </div>
      <h2 class="sh-heading-l">{t("consultations.admin.overview.export")}</h2>
      <p class="sh-body-text">{t("consultations.admin.overview.exportHint")}</p>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href={href(`${base}/export/contributions.csv`)}>
            {t("consultations.admin.overview.exportContributions", { format: "CSV" })}
          </a>{" "}
          ·{" "}
          <a class="sh-link" href={href(`${base}/export/contributions.json`)}>
            JSON
          </a>
        </li>
        <li>
          <a class="sh-link" href={href(`${base}/export/questionnaire.csv`)}>
            {t("consultations.admin.overview.exportQuestionnaire", { format: "CSV" })}
          </a>{" "}
          ·{" "}
          <a class="sh-link" href={href(`${base}/export/questionnaire.json`)}>
            JSON
          </a>
        </li>
      </ul>
    </ConsultationAdminFrame>
  );
}
