import type { FieldErrors } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { Select } from "../../../core/views/components/select/select.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { FlagLink, HeldNotice, Tombstone } from "../../moderation/views/markers.js";
import { PROPOSAL_LIMITS, type ProposalField, type ProposalInput } from "../commands/propose.js";
import { type Phase, resultsOut } from "../phase.js";
import { PHOTO_ALT_MAX, PHOTO_BYTES, PHOTO_SLOTS, THUMB } from "../photos.js";
import type { BudgetDetail } from "../queries.js";
import type { DistrictRow, ProposalPhotoRow, ProposalRow } from "../tables.js";
import type { TallyResult } from "../tally.js";
import { PhaseDates, PhaseTag, PoolName, ProposalStatusTag, useMoney } from "./parts.js";

export interface BudgetSummary {
  id: string;
  title: LocalizedText;
  structureName: LocalizedText;
  amountMillimes: number;
  phase: Phase;
}

function Crumbs({ budget, here }: { budget?: { id: string; title: LocalizedText }; here: string }) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  return (
    <Breadcrumbs
      items={[
        { text: t("budgets.breadcrumbs.home"), href: href("/") },
        ...(budget
          ? [
              { text: t("budgets.list.title"), href: href("/budgets") },
              ...(here ? [{ text: plain(budget.title), href: href(`/budgets/${budget.id}`) }] : []),
            ]
          : []),
        { text: here || plain(budget?.title) },
      ]}
    />
  );
}

/** Every participatory budget, with its phase and amount. */
export function BudgetListPage({ rows }: { rows: BudgetSummary[] }) {
  const { t } = usePage();
  const href = useHref();
  const money = useMoney();
  return (
    <Layout title={t("budgets.list.title")} description={t("budgets.list.lead")}>
      <Crumbs here={t("budgets.list.title")} />
      <h1 class="sh-heading-xl">{t("budgets.list.title")}</h1>
      <p class="sh-lead">{t("budgets.list.lead")}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("budgets.list.emptyTitle")}>
          <p class="sh-body-text">{t("budgets.list.emptyText")}</p>
        </EmptyState>
      ) : (
        <ul class="sh-list sh-list--spaced">
          {rows.map((b) => (
            <li key={b.id}>
              <h2 class="sh-heading-m">
                <a class="sh-link" href={href(`/budgets/${b.id}`)}>
                  <Localized text={b.title} />
                </a>
              </h2>
              <p class="sh-body-text">
                <Localized text={b.structureName} /> · {money(b.amountMillimes)} ·{" "}
                <PhaseTag phase={b.phase} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface BudgetPageProps {
  budget: BudgetDetail;
  phase: Phase;
  districts: DistrictRow[];
  proposals: ProposalRow[];
  /** The first photo of each proposal that has one (its small copy leads the title). */
  thumbs?: Map<string, ProposalPhotoRow>;
  results: TallyResult | null;
  signedIn: boolean;
}

function ProposalsTable({
  proposals,
  thumbs,
  districts,
  caption,
  id,
}: {
  proposals: ProposalRow[];
  thumbs?: Map<string, ProposalPhotoRow>;
  districts: DistrictRow[];
  caption: string;
  id: string;
}) {
  const { t } = usePage();
  const href = useHref();
  const money = useMoney();
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return (
    <Table
      id={id}
      caption={caption}
      head={[
        { text: t("budgets.proposal.code") },
        { text: t("budgets.proposal.title") },
        { text: t("budgets.proposal.district") },
        { text: t("budgets.proposal.cost"), numeric: true },
        { text: t("budgets.proposal.status") },
      ]}
      rows={proposals.map((p) => {
        const thumb = thumbs?.get(p.id);
        return [
          p.code,
          <a class="sh-link" href={href(`/budgets/${p.budgetId}/proposals/${p.id}`)} key="t">
            {thumb && (
              <img
                class="sh-budget-thumb"
                src={href(`/budgets/${p.budgetId}/proposals/${p.id}/photos/${thumb.position}/thumb`)}
                alt=""
                width={THUMB.width / 2}
                height={THUMB.height / 2}
                loading="lazy"
              />
            )}
            <Localized text={p.title} />
          </a>,
          <PoolName key="d" districtId={p.districtId} districts={districts} />,
          money(p.costMillimes),
          <div key="s">
            <ProposalStatusTag status={p.status} />
            {p.status === "merged" && p.mergedIntoId && (
              <p class="sh-body-text">
                {t("budgets.proposal.mergedInto", { code: byId.get(p.mergedIntoId)?.code ?? "" })}
              </p>
            )}
            {p.reason && (
              <p class="sh-body-text">
                <Localized text={p.reason} />
              </p>
            )}
          </div>,
        ];
      })}
    />
  );
}

function ResultsSection({
  results,
  districts,
  proposals,
}: {
  results: TallyResult;
  districts: DistrictRow[];
  proposals: ProposalRow[];
}) {
  const { t } = usePage();
  const href = useHref();
  const money = useMoney();
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return (
    <section aria-labelledby="results">
      <h2 id="results" class="sh-heading-l">
        {t("budgets.results.title")}
      </h2>
      <p class="sh-body-text">{t("budgets.results.turnout", { count: results.ballots })}</p>
      <p class="sh-body-text">{t("budgets.results.rule")}</p>
      {results.pools.map((pool, i) => (
        <Table
          key={pool.districtId ?? "city"}
          id={`pool-${i}`}
          caption={
            <>
              <PoolName districtId={pool.districtId} districts={districts} />
              {" — "}
              {t("budgets.results.poolSummary", {
                spent: money(pool.spent),
                amount: money(pool.amount),
                ballots: pool.ballots,
              })}
            </>
          }
          head={[
            { text: t("budgets.results.rank"), numeric: true },
            { text: t("budgets.proposal.title") },
            { text: t("budgets.results.votes"), numeric: true },
            { text: t("budgets.proposal.cost"), numeric: true },
            { text: t("budgets.results.outcome") },
          ]}
          rows={pool.lines.map((line) => [
            String(line.rank),
            // A project hidden by moderation after it reached the ballot is in no list: its line keeps
            // its code and votes, without its text or a link to its page.
            byId.has(line.id) ? (
              <a
                class="sh-link"
                href={href(`/budgets/${byId.get(line.id)!.budgetId}/proposals/${line.id}`)}
                key="t"
              >
                {line.code} · <Localized text={byId.get(line.id)!.title} />
              </a>
            ) : (
              `${line.code} · ${t("budgets.moderation.withdrawn")}`
            ),
            String(line.votes),
            money(line.cost),
            line.selected ? t("budgets.results.selected") : t("budgets.results.notSelected"),
          ])}
        />
      ))}
    </section>
  );
}

/** A budget: its phase and dates, its amount and rule, what to do now, its proposals, and its results once voting closed. */
export function BudgetPage({ budget, phase, districts, proposals, thumbs, results }: BudgetPageProps) {
  const { t } = usePage();
  const href = useHref();
  const money = useMoney();
  const plain = usePlainName();
  const visible = proposals.filter(
    (p) => p.status !== "submitted" || phase === "proposals" || phase === "review",
  );
  return (
    <Layout title={plain(budget.title)} description={plain(budget.description).slice(0, 160)}>
      <Crumbs budget={budget} here="" />
      <h1 class="sh-heading-xl">
        <Localized text={budget.title} />
      </h1>
      <p class="sh-body-text">
        <PhaseTag phase={phase} />
      </p>
      <div class="sh-body-text">
        <Localized text={budget.description} />
      </div>
      <SummaryList>
        <SummaryRow label={t("budgets.budget.structure")}>
          <Localized text={budget.structureName} />
        </SummaryRow>
        <SummaryRow label={t("budgets.budget.amount")}>{money(budget.amountMillimes)}</SummaryRow>
        <SummaryRow label={t("budgets.budget.rule")}>
          {budget.rule === "pick_n"
            ? t("budgets.rule.pickN", { count: budget.pickN ?? 0 })
            : t("budgets.rule.knapsack", { percent: budget.minSharePercent })}
        </SummaryRow>
        {districts.map((d) => (
          <SummaryRow key={d.id} label={<Localized text={d.name} />}>
            {money(d.shareMillimes)}
          </SummaryRow>
        ))}
      </SummaryList>
      <h2 class="sh-heading-m">{t("budgets.budget.dates")}</h2>
      <PhaseDates budget={budget} />
      {phase === "proposals" && (
        <p class="sh-body-text">
          <Button href={href(`/budgets/${budget.id}/propose`)}>{t("budgets.propose.button")}</Button>
        </p>
      )}
      {phase === "voting" && (
        <p class="sh-body-text">
          <Button href={href(`/budgets/${budget.id}/vote`)}>{t("budgets.vote.button")}</Button>{" "}
          <a class="sh-link" href={href(`/budgets/${budget.id}/vote/change`)}>
            {t("budgets.vote.changeLink")}
          </a>
        </p>
      )}
      {results && resultsOut(phase) && (
        <>
          <ResultsSection results={results} districts={districts} proposals={proposals} />
          <p class="sh-body-text">
            <a class="sh-link" href={href(`/budgets/${budget.id}/ballots.json`)}>
              {t("budgets.results.ballotsLink")}
            </a>
          </p>
        </>
      )}
      {visible.length === 0 ? (
        <p class="sh-body-text">{t("budgets.budget.noProposals")}</p>
      ) : (
        <ProposalsTable
          id="proposals"
          proposals={visible}
          thumbs={thumbs}
          districts={districts}
          caption={t("budgets.budget.proposals", { count: visible.length })}
        />
      )}
    </Layout>
  );
}

export interface ProposalPageProps {
  budget: BudgetDetail;
  phase: Phase;
  proposal: ProposalRow;
  /** After moderation: shown to all, held for review (its author, moderators), or hidden (a tombstone). */
  presence: "shown" | "held" | "tombstone";
  photos: ProposalPhotoRow[];
  districts: DistrictRow[];
  mergedInto: ProposalRow | null;
  supported: boolean;
  signedIn: boolean;
  canSupport: boolean;
}

/** A proposal's photos, each with its author's description as its text; loaded as they scroll into view. */
function Photos({ proposal, photos }: { proposal: ProposalRow; photos: ProposalPhotoRow[] }) {
  const { t } = usePage();
  const href = useHref();
  if (photos.length === 0) return null;
  return (
    <section aria-labelledby="photos">
      <h2 id="photos" class="sh-heading-m">
        {t("budgets.photos.heading", { count: photos.length })}
      </h2>
      <ul class="sh-budget-photos">
        {photos.map((photo) => (
          <li key={photo.position}>
            <img
              src={href(`/budgets/${proposal.budgetId}/proposals/${proposal.id}/photos/${photo.position}`)}
              alt={photo.alt}
              width={photo.width}
              height={photo.height}
              loading="lazy"
              decoding="async"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A proposal: what, where, how much, its review with the public reason, and its supports. */
export function ProposalPage({
  budget,
  phase,
  proposal,
  presence,
  photos,
  districts,
  mergedInto,
  supported,
  signedIn,
  canSupport,
}: ProposalPageProps) {
  const { t } = usePage();
  const href = useHref();
  const money = useMoney();
  const plain = usePlainName();
  if (presence === "tombstone")
    return (
      <Layout title={proposal.code}>
        <Crumbs budget={budget} here={proposal.code} />
        <h1 class="sh-heading-xl">{proposal.code}</h1>
        <Tombstone reason={proposal.moderationReason} />
      </Layout>
    );
  return (
    <Layout title={plain(proposal.title)}>
      <Crumbs budget={budget} here={plain(proposal.title)} />
      <h1 class="sh-heading-xl">
        <Localized text={proposal.title} />
      </h1>
      {presence === "held" && <HeldNotice />}
      <p class="sh-body-text">
        <ProposalStatusTag status={proposal.status} />
      </p>
      <div class="sh-body-text">
        <Localized text={proposal.description} />
      </div>
      <Photos proposal={proposal} photos={photos} />
      <SummaryList>
        <SummaryRow label={t("budgets.proposal.code")}>{proposal.code}</SummaryRow>
        <SummaryRow label={t("budgets.proposal.district")}>
          <PoolName districtId={proposal.districtId} districts={districts} />
        </SummaryRow>
        {proposal.place && (
          <SummaryRow label={t("budgets.proposal.place")} userText>
            {proposal.place}
          </SummaryRow>
        )}
        <SummaryRow label={t("budgets.proposal.cost")}>{money(proposal.costMillimes)}</SummaryRow>
        <SummaryRow label={t("budgets.proposal.supports")}>
          {t("budgets.proposal.supportCount", { count: proposal.supportCount })}
        </SummaryRow>
        {proposal.reason && (
          <SummaryRow label={t("budgets.proposal.reason")}>
            <Localized text={proposal.reason} />
          </SummaryRow>
        )}
        {mergedInto && (
          <SummaryRow label={t("budgets.status.merged")}>
            <a class="sh-link" href={href(`/budgets/${budget.id}/proposals/${mergedInto.id}`)}>
              {mergedInto.code} · <Localized text={mergedInto.title} />
            </a>
          </SummaryRow>
        )}
      </SummaryList>
      {phase === "proposals" && canSupport && (
        <Form action={`/budgets/${budget.id}/proposals/${proposal.id}/support`}>
          <input type="hidden" name="support" value={supported ? "0" : "1"} />
          <Button variant={supported ? "secondary" : "primary"}>
            {supported ? t("budgets.proposal.unsupport") : t("budgets.proposal.support")}
          </Button>
        </Form>
      )}
      {signedIn && presence === "shown" && <FlagLink kind="budget_proposal" id={proposal.id} />}
    </Layout>
  );
}

/** The form a signed-in resident proposes a project with, in the proposals phase. */
export function ProposePage({
  budget,
  districts,
  hasCityWide,
  values,
  errors,
}: {
  budget: BudgetDetail;
  districts: DistrictRow[];
  hasCityWide: boolean;
  values: ProposalInput;
  errors?: FieldErrors<ProposalField>;
}) {
  const { t } = usePage();
  const plain = usePlainName();
  const { message } = useFieldErrors(errors, {
    title: "title",
    description: "description",
    place: "place",
    district: "district",
    cost: "cost",
    photo1: "photo1",
    photo1Alt: "photo1Alt",
    photo2: "photo2",
    photo2Alt: "photo2Alt",
    photo3: "photo3",
    photo3Alt: "photo3Alt",
  });
  return (
    <Layout title={t("budgets.propose.title")} width="narrow">
      <Crumbs budget={budget} here={t("budgets.propose.title")} />
      <h1 class="sh-heading-xl">{t("budgets.propose.title")}</h1>
      <p class="sh-lead">{t("budgets.propose.lead")}</p>
      <Form action={`/budgets/${budget.id}/propose`} enctype="multipart/form-data">
        <TextInput
          id="title"
          name="title"
          label={t("budgets.proposal.title")}
          value={values.title}
          error={message("title")}
        />
        <Textarea
          id="description"
          name="description"
          label={t("budgets.proposal.description")}
          hint={t("budgets.propose.descriptionHint", PROPOSAL_LIMITS.description)}
          value={values.description}
          error={message("description")}
          rows={8}
        />
        <TextInput
          id="place"
          name="place"
          label={t("budgets.proposal.place")}
          hint={t("budgets.propose.placeHint")}
          value={values.place}
          error={message("place")}
        />
        {(districts.length > 0 || !hasCityWide) && (
          <Select
            id="district"
            name="district"
            label={t("budgets.proposal.district")}
            value={values.district}
            error={message("district")}
            options={[
              ...(hasCityWide ? [{ value: "", text: t("budgets.cityWide") }] : []),
              ...districts.map((d) => ({ value: d.code, text: plain(d.name) })),
            ]}
          />
        )}
        <TextInput
          id="cost"
          name="cost"
          label={t("budgets.propose.cost")}
          hint={t("budgets.propose.costHint")}
          value={values.cost}
          error={message("cost")}
          inputMode="decimal"
          width={10}
        />
        <fieldset class="sh-fieldset">
          <legend class="sh-fieldset__legend sh-fieldset__legend--m">{t("budgets.photos.legend")}</legend>
          <p class="sh-hint">
            {t("budgets.photos.hint", { count: PHOTO_SLOTS.length, max: PHOTO_BYTES / 1024 / 1024 })}
          </p>
          {errors && Object.keys(errors).length > 0 && (
            <p class="sh-hint">{t("budgets.photos.chooseAgain")}</p>
          )}
          {PHOTO_SLOTS.map((n) => (
            <div key={n}>
              <FileUpload
                id={`photo${n}`}
                name={`photo${n}`}
                label={t("budgets.photos.photo", { n })}
                accept="image/jpeg,image/png,image/webp"
                error={message(`photo${n}`)}
              />
              <TextInput
                id={`photo${n}Alt`}
                name={`photo${n}Alt`}
                label={t("budgets.photos.alt", { n })}
                hint={t("budgets.photos.altHint", { max: PHOTO_ALT_MAX })}
                value={values[`photo${n}Alt`]}
                error={message(`photo${n}Alt`)}
              />
            </div>
          ))}
        </fieldset>
        <Button>{t("budgets.propose.submit")}</Button>
      </Form>
    </Layout>
  );
}
