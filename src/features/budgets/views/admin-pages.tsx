import type { FieldErrors } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Localized } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { ReviewField, ReviewInput } from "../commands/review.js";
import type { Phase } from "../phase.js";
import type { BudgetDetail } from "../queries.js";
import type { DistrictRow, ProposalRow } from "../tables.js";
import { PhaseTag, PoolName, ProposalStatusTag, useMoney } from "./parts.js";

/** Staff: the budgets of their structures. */
export function AdminBudgetsPage({
  rows,
}: {
  rows: Array<{ id: string; title: LocalizedText; structureName: LocalizedText; phase: Phase }>;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("budgets.admin.title")} section="budgets">
      <h1 class="sh-heading-xl">{t("budgets.admin.title")}</h1>
      {rows.length === 0 ? (
        <p class="sh-body-text">{t("budgets.admin.none")}</p>
      ) : (
        <ul class="sh-list sh-list--spaced">
          {rows.map((b) => (
            <li key={b.id}>
              <a class="sh-link" href={href(`/admin/budgets/${b.id}`)}>
                <Localized text={b.title} />
              </a>{" "}
              · <Localized text={b.structureName} /> · <PhaseTag phase={b.phase} />
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

function ReviewForm({
  budget,
  proposal,
  values,
  errors,
}: {
  budget: BudgetDetail;
  proposal: ProposalRow;
  values: ReviewInput;
  errors?: FieldErrors<ReviewField>;
}) {
  const { t } = usePage();
  const p = `${proposal.code}-`;
  const { message } = useFieldErrors(errors, {
    decision: `${p}decision`,
    cost: `${p}cost`,
    reasonAr: `${p}reasonAr`,
    reasonFr: `${p}reasonFr`,
    reasonEn: `${p}reasonEn`,
    mergeInto: `${p}mergeInto`,
  });
  return (
    <Form action={`/admin/budgets/${budget.id}/proposals/${proposal.id}/review`}>
      <Radios
        id={`${p}decision`}
        name="decision"
        label={t("budgets.review.decision")}
        labelSize="s"
        value={values.decision}
        error={message("decision")}
        inline
        items={[
          { value: "accepted", label: t("budgets.review.accept") },
          { value: "rejected", label: t("budgets.review.reject") },
          { value: "merged", label: t("budgets.review.merge") },
        ]}
      />
      <TextInput
        id={`${p}cost`}
        name="cost"
        label={t("budgets.review.cost")}
        hint={t("budgets.propose.costHint")}
        value={values.cost}
        error={message("cost")}
        inputMode="decimal"
        width={10}
      />
      <TextInput
        id={`${p}mergeInto`}
        name="mergeInto"
        label={t("budgets.review.mergeInto")}
        value={values.mergeInto}
        error={message("mergeInto")}
        width={10}
      />
      <Textarea
        id={`${p}reasonAr`}
        name="reasonAr"
        label={t("budgets.review.reasonAr")}
        value={values.reasonAr}
        error={message("reasonAr")}
        rows={3}
      />
      <Textarea
        id={`${p}reasonFr`}
        name="reasonFr"
        label={t("budgets.review.reasonFr")}
        hint={t("budgets.review.reasonHint")}
        value={values.reasonFr}
        error={message("reasonFr")}
        rows={3}
      />
      <Textarea
        id={`${p}reasonEn`}
        name="reasonEn"
        label={t("budgets.review.reasonEn")}
        value={values.reasonEn}
        error={message("reasonEn")}
        rows={3}
      />
      <Button variant="secondary">{t("budgets.review.save", { code: proposal.code })}</Button>
    </Form>
  );
}

/** Staff: one budget's proposals, each with its review form, and the counter's voting codes. */
export function AdminBudgetPage({
  budget,
  phase,
  districts,
  proposals,
  canReview,
  canIssue,
  form,
}: {
  budget: BudgetDetail;
  phase: Phase;
  districts: DistrictRow[];
  proposals: ProposalRow[];
  canReview: boolean;
  canIssue: boolean;
  form?: { proposalId: string; values: ReviewInput; errors: FieldErrors<ReviewField> };
}) {
  const { t } = usePage();
  const href = useHref();
  const money = useMoney();
  const reviewing = phase === "upcoming" || phase === "proposals" || phase === "review";
  return (
    <AdminLayout title={t("budgets.admin.title")} section="budgets">
      <h1 class="sh-heading-xl">
        <Localized text={budget.title} />
      </h1>
      <p class="sh-body-text">
        <PhaseTag phase={phase} /> ·{" "}
        <a class="sh-link" href={href(`/budgets/${budget.id}`)}>
          {t("budgets.admin.publicPage")}
        </a>
      </p>
      {canIssue && phase !== "results" && phase !== "implementation" && (
        <section aria-labelledby="codes">
          <h2 id="codes" class="sh-heading-l">
            {t("budgets.admin.codesTitle")}
          </h2>
          <p class="sh-body-text">{t("budgets.admin.codesLead")}</p>
          <Form action={`/admin/budgets/${budget.id}/codes`}>
            <input type="hidden" name="issue" value="1" />
            <Button variant="secondary">{t("budgets.admin.issueCode")}</Button>
          </Form>
        </section>
      )}
      {canReview && (phase === "results" || phase === "implementation") && (
        <section aria-labelledby="winners">
          <h2 id="winners" class="sh-heading-l">
            {t("budgets.admin.winnersTitle")}
          </h2>
          <p class="sh-body-text">{t("budgets.admin.winnersLead")}</p>
          <Form action={`/admin/budgets/${budget.id}/publish-winners`}>
            <input type="hidden" name="publish" value="1" />
            <Button variant="secondary">{t("budgets.admin.publishWinners")}</Button>
          </Form>
        </section>
      )}
      <h2 class="sh-heading-l">{t("budgets.budget.proposals", { count: proposals.length })}</h2>
      {proposals.map((p) => (
        <section key={p.id} id={`proposal-${p.code}`} aria-labelledby={`h-${p.code}`} class="sh-card">
          <h3 id={`h-${p.code}`} class="sh-heading-m">
            {p.code} · <Localized text={p.title} />
          </h3>
          <p class="sh-body-text">
            <ProposalStatusTag status={p.status} /> ·{" "}
            <PoolName districtId={p.districtId} districts={districts} /> · {money(p.costMillimes)} ·{" "}
            {t("budgets.proposal.supportCount", { count: p.supportCount })}
          </p>
          <div class="sh-body-text">
            <Localized text={p.description} />
          </div>
          {p.reason && (
            <p class="sh-body-text">
              {t("budgets.proposal.reason")}: <Localized text={p.reason} />
            </p>
          )}
          {canReview && reviewing && (
            <ReviewForm
              budget={budget}
              proposal={p}
              values={form?.proposalId === p.id ? form.values : {}}
              errors={form?.proposalId === p.id ? form.errors : undefined}
            />
          )}
        </section>
      ))}
    </AdminLayout>
  );
}

/** A voting code, shown once, to hand to the resident on paper. */
export function IssuedCodePage({ budget, code }: { budget: BudgetDetail; code: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("budgets.admin.codeTitle")} section="budgets">
      <h1 class="sh-heading-xl">{t("budgets.admin.codeTitle")}</h1>
      <p class="sh-body-text">
        <Localized text={budget.title} />
      </p>
      <p class="sh-heading-l" dir="ltr" id="voting-code">
        <code>{code}</code>
      </p>
      <p class="sh-body-text">{t("budgets.admin.codeOnce")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/admin/budgets/${budget.id}`)}>
          {t("budgets.admin.back")}
        </a>
      </p>
    </AdminLayout>
  );
}
