import type { FieldError } from "../../../core/forms.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import type { PoolSpend } from "../ballot-rules.js";
import type { BudgetDetail } from "../queries.js";
import type { DistrictRow, ProposalRow } from "../tables.js";
import { PoolName, useMoney } from "./parts.js";

export type BallotField = "proposals" | "code" | "receipt";

export interface BallotPageProps {
  budget: BudgetDetail;
  districts: DistrictRow[];
  /** The proposals on the ballot (accepted), by pool. */
  proposals: ProposalRow[];
  spend: PoolSpend[];
  checked: string[];
  /** How the voter is known: "eid" (signed in, identity verified) or "code" (a paper code to type). */
  via: "eid" | "code";
  code?: string;
  /** Changing a ballot: its receipt code, carried in the form. */
  receipt?: string;
  /** Shown after "Check my ballot". */
  checkedOnce?: boolean;
  error?: { field: BallotField; error: FieldError };
}

/**
 * The ballot builder: a checkbox for each project, grouped by district, with its cost. Without
 * JavaScript, "Check my ballot" sends it back with what is left in each district; "Cast" stores it
 * (the server refuses a ballot over the amount and stores nothing).
 */
export function BallotPage(props: BallotPageProps) {
  const { t } = usePage();
  const money = useMoney();
  const plain = usePlainName();
  const { budget } = props;
  const errors = props.error ? { [props.error.field]: props.error.error } : undefined;
  const { message } = useFieldErrors<BallotField>(errors, {
    proposals: "pool-0",
    code: "code",
    receipt: "receipt",
  });
  const title = props.receipt ? t("budgets.vote.changeTitle") : t("budgets.vote.title");
  return (
    <Layout title={title}>
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">
        <Localized text={budget.title} />
      </p>
      <p class="sh-body-text">
        {budget.rule === "pick_n"
          ? t("budgets.rule.pickN", { count: budget.pickN ?? 0 })
          : t("budgets.rule.knapsack", { percent: budget.minSharePercent })}
      </p>
      <Form action={`/budgets/${budget.id}/vote`}>
        {props.receipt && <input type="hidden" name="receipt" value={props.receipt} />}
        {props.spend.map((pool, i) => {
          const items = props.proposals.filter((p) => p.districtId === pool.districtId);
          if (items.length === 0) return null;
          return (
            <div key={pool.districtId ?? "city"}>
              <Checkboxes
                id={`pool-${i}`}
                name="proposal"
                label={
                  <>
                    <PoolName districtId={pool.districtId} districts={props.districts} />
                    {" — "}
                    {money(pool.amount)}
                  </>
                }
                labelSize="m"
                error={i === 0 ? message("proposals") : undefined}
                values={props.checked}
                items={items.map((p) => ({
                  value: p.id,
                  // Hidden by moderation after it reached the ballot: it stays (its votes count), its text does not.
                  label: `${p.code} · ${p.moderationState === "hidden" ? t("budgets.moderation.withdrawn") : plain(p.title)}`,
                  hint: money(p.costMillimes),
                }))}
              />
              {props.checkedOnce && (
                <p class="sh-body-text" id={`left-${i}`}>
                  {pool.left >= 0
                    ? t("budgets.vote.left", { spent: money(pool.spent), left: money(pool.left) })
                    : t("budgets.vote.over", { over: money(-pool.left) })}
                </p>
              )}
            </div>
          );
        })}
        {!props.receipt &&
          (props.via === "code" ? (
            <TextInput
              id="code"
              name="code"
              label={t("budgets.vote.code")}
              hint={t("budgets.vote.codeHint")}
              value={props.code}
              error={message("code")}
              autocomplete="off"
              spellcheck={false}
              dir="ltr"
              width={20}
            />
          ) : (
            <p class="sh-body-text">{t("budgets.vote.viaEid")}</p>
          ))}
        <p class="sh-body-text">{t("budgets.secrecy.mixed")}</p>
        <ButtonGroup>
          <Button name="action" value="cast">
            {props.receipt ? t("budgets.vote.saveChange") : t("budgets.vote.cast")}
          </Button>
          <Button name="action" value="check" variant="secondary">
            {t("budgets.vote.check")}
          </Button>
        </ButtonGroup>
      </Form>
    </Layout>
  );
}

/** The receipt, shown once after a ballot is cast or changed. */
export function ReceiptPage({
  budget,
  receipt,
  changed,
}: {
  budget: BudgetDetail;
  receipt: string;
  changed: boolean;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <Layout title={t("budgets.receipt.title")} width="narrow">
      <h1 class="sh-heading-xl">{changed ? t("budgets.receipt.changed") : t("budgets.receipt.title")}</h1>
      <p class="sh-body-text">{t("budgets.receipt.lead")}</p>
      <p class="sh-heading-l" dir="ltr" id="receipt">
        <code>{receipt}</code>
      </p>
      <p class="sh-body-text">{t("budgets.receipt.keep")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/budgets/${budget.id}`)}>
          {t("budgets.receipt.back")}
        </a>
      </p>
    </Layout>
  );
}

/** Changing a ballot starts with its receipt code. */
export function ChangeBallotPage({
  budget,
  receipt,
  error,
}: {
  budget: BudgetDetail;
  receipt?: string;
  error?: FieldError;
}) {
  const { t } = usePage();
  const { message } = useFieldErrors(error ? { receipt: error } : undefined, { receipt: "receipt" });
  return (
    <Layout title={t("budgets.vote.changeTitle")} width="narrow">
      <h1 class="sh-heading-xl">{t("budgets.vote.changeTitle")}</h1>
      <p class="sh-lead">
        <Localized text={budget.title} />
      </p>
      <p class="sh-body-text">{t("budgets.vote.changeLead")}</p>
      <Form action={`/budgets/${budget.id}/vote/change`}>
        <TextInput
          id="receipt"
          name="receipt"
          label={t("budgets.vote.receipt")}
          value={receipt}
          error={message("receipt")}
          autocomplete="off"
          spellcheck={false}
          dir="ltr"
          width={20}
        />
        <Button>{t("budgets.vote.open")}</Button>
      </Form>
    </Layout>
  );
}
