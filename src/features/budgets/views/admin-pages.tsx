import type { FieldErrors } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { ReviewField, ReviewInput } from "../commands/review.js";
import {
  BUDGET_FIELDS,
  type BudgetField,
  type BudgetFormField,
  type BudgetInput,
  DATE_FIELDS,
  DISTRICT_FIELDS,
  type DistrictField,
  MAX_DISTRICTS,
} from "../commands/save-budget.js";
import type { Phase } from "../phase.js";
import type { BudgetDetail } from "../queries.js";
import type { DistrictRow, ProposalRow } from "../tables.js";
import { PhaseTag, PoolName, ProposalStatusTag, useMoney } from "./parts.js";

/** Staff: the budgets of their structures. */
export function AdminBudgetsPage({
  rows,
  canCreate,
}: {
  rows: Array<{ id: string; title: LocalizedText; structureName: LocalizedText; phase: Phase }>;
  canCreate: boolean;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("budgets.admin.title")} section="budgets">
      <h1 class="sh-heading-xl">{t("budgets.admin.title")}</h1>
      {canCreate && (
        <div class="sh-button-group">
          <Button href={href("/admin/budgets/new")}>{t("budgets.form.createTitle")}</Button>
        </div>
      )}
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
  canManage,
  form,
}: {
  budget: BudgetDetail;
  phase: Phase;
  districts: DistrictRow[];
  proposals: ProposalRow[];
  canReview: boolean;
  canIssue: boolean;
  canManage: boolean;
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
        {canManage && (
          <>
            {" "}
            ·{" "}
            <a class="sh-link" href={href(`/admin/budgets/${budget.id}/edit`)}>
              {t("budgets.form.editTitle")}
            </a>
          </>
        )}
      </p>
      {canIssue && budget.voteByPaperCode && phase !== "results" && phase !== "implementation" && (
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
          {p.moderationState === "held" && (
            <p class="sh-tombstone sh-tombstone--held" role="note">
              {t("budgets.moderation.heldAdmin")}
            </p>
          )}
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

/** Staff: creates a budget, or edits one (the rules are fixed once voting has opened). */
export function BudgetFormPage({
  editing,
  locked,
  values,
  errors,
  rows,
  structures,
}: {
  editing?: { id: string; title: LocalizedText; code: string };
  locked: boolean;
  values: BudgetInput;
  errors?: FieldErrors<BudgetFormField>;
  rows: number;
  structures: Array<{ id: string; name: LocalizedText }>;
}) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const districtIds: Record<string, string> = {};
  for (let i = 0; i < rows; i++) for (const f of DISTRICT_FIELDS) districtIds[`d${i}${f}`] = `d${i}${f}`;
  const ids = {
    ...Object.fromEntries(BUDGET_FIELDS.map((f) => [f, f])),
    voteMethods: "voteMethods",
    rule: "rule",
    districts: "districts-legend",
    ...districtIds,
  } as Record<BudgetFormField, string>;
  const { message } = useFieldErrors(errors, ids);
  const title = editing ? t("budgets.form.editTitle") : t("budgets.form.createTitle");
  const value = (f: string) => (values as Record<string, string | undefined>)[f];
  const input = (f: BudgetField, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      key={f}
      id={f}
      name={f}
      label={t(`budgets.form.${f}`)}
      value={value(f)}
      error={message(f)}
      {...extra}
    />
  );
  const methods = [values.voteMethods ?? []].flat();
  return (
    <AdminLayout title={title} section="budgets">
      <h1 class="sh-heading-xl">{title}</h1>
      {editing && (
        <p class="sh-lead">
          <Localized text={editing.title} /> · <span dir="ltr">{editing.code}</span>
        </p>
      )}
      {locked && (
        <div class="sh-inset" id="locked">
          {t("budgets.form.locked")}
        </div>
      )}
      <Form action={editing ? `/admin/budgets/${editing.id}/edit` : "/admin/budgets/new"}>
        {!editing && (
          <>
            {input("code", { hint: t("budgets.form.codeHint"), dir: "ltr", width: 30 })}
            <Select
              id="structureId"
              name="structureId"
              label={t("budgets.form.structureId")}
              value={values.structureId}
              error={message("structureId")}
              options={[
                { value: "", text: "" },
                ...structures.map((s) => ({ value: s.id, text: plain(s.name) })),
              ]}
            />
          </>
        )}
        {(["Ar", "Fr", "En"] as const).map((s) => input(`title${s}`, { dir: s === "Ar" ? "rtl" : "ltr" }))}
        {(["Ar", "Fr", "En"] as const).map((s) => (
          <Textarea
            key={s}
            id={`description${s}`}
            name={`description${s}`}
            rows={5}
            label={t(`budgets.form.description${s}`)}
            value={values[`description${s}`]}
            error={message(`description${s}`)}
          />
        ))}
        {input("amount", { hint: t("budgets.propose.costHint"), inputMode: "decimal", width: 20 })}
        <fieldset
          class="sh-fieldset"
          aria-describedby={errors?.districts ? "districts-error" : "districts-hint"}
        >
          <legend class="sh-fieldset__legend sh-fieldset__legend--m" id="districts-legend" tabIndex={-1}>
            {t("budgets.form.districts")}
          </legend>
          <p class="sh-hint" id="districts-hint">
            {t("budgets.form.districtsHint")}
          </p>
          {errors?.districts && (
            <p class="sh-error-message" id="districts-error">
              {message("districts")}
            </p>
          )}
          <input type="hidden" name="rows" value={String(rows)} />
          {Array.from({ length: rows }, (_, i) => (
            <fieldset key={i} class="sh-fieldset sh-card">
              <legend class="sh-fieldset__legend">{t("budgets.form.districtRow", { n: i + 1 })}</legend>
              {DISTRICT_FIELDS.map((f) => (
                <TextInput
                  key={f}
                  id={`d${i}${f}`}
                  name={`d${i}${f}`}
                  label={t(`budgets.form.district${f}`)}
                  hint={
                    f === "Code"
                      ? t("budgets.form.districtCodeHint")
                      : f === "Share"
                        ? t("budgets.propose.costHint")
                        : undefined
                  }
                  value={value(`d${i}${f}`)}
                  error={message(`d${i}${f}` as DistrictField)}
                  dir={
                    f === "Code"
                      ? "ltr"
                      : f === "NameAr"
                        ? "rtl"
                        : f === "NameFr" || f === "NameEn"
                          ? "ltr"
                          : undefined
                  }
                  inputMode={f === "Share" ? "decimal" : undefined}
                  width={f === "Code" || f === "Share" ? 20 : undefined}
                />
              ))}
            </fieldset>
          ))}
          {rows < MAX_DISTRICTS && (
            <Button variant="secondary" name="action" value="addRow">
              {t("budgets.form.addDistrict")}
            </Button>
          )}
        </fieldset>
        {DATE_FIELDS.map((f) => input(f, { hint: t("budgets.form.dateHint"), dir: "ltr", width: 10 }))}
        <Radios
          id="rule"
          name="rule"
          label={t("budgets.form.rule")}
          value={values.rule}
          error={message("rule")}
          items={[
            { value: "knapsack", label: t("budgets.form.ruleKnapsack") },
            { value: "pick_n", label: t("budgets.form.rulePickN") },
          ]}
        />
        {input("minShare", { hint: t("budgets.form.minShareHint"), inputMode: "numeric", width: 4 })}
        {input("pickN", { hint: t("budgets.form.pickNHint"), inputMode: "numeric", width: 4 })}
        <Checkboxes
          id="voteMethods"
          name="voteMethods"
          label={t("budgets.form.voteMethods")}
          error={message("voteMethods")}
          values={methods}
          items={[
            { value: "eid", label: t("budgets.form.voteEid") },
            { value: "paper_code", label: t("budgets.form.votePaperCode") },
          ]}
        />
        <div class="sh-button-group">
          <Button name="action" value="save">
            {editing ? t("budgets.form.save") : t("budgets.form.create")}
          </Button>
          <a class="sh-link" href={href(editing ? `/admin/budgets/${editing.id}` : "/admin/budgets")}>
            {t("budgets.admin.back")}
          </a>
        </div>
      </Form>
    </AdminLayout>
  );
}
