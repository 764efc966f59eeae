import type { FieldErrors } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Table } from "../../../core/views/components/table/table.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { useFieldErrors } from "../../../core/views/form.js";
import { Localized } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { ACCESS_TRACK_NAMES, EXTENSION, trackValues } from "../../cases/access-law.js";
import type { PolicyField, PolicyInput } from "../commands/set-deadline-policy.js";
import type { DeadlinePolicy } from "../queries.js";
import { DEADLINE_CASE_TYPES, LAW_FIXED_CASE_TYPES } from "../tables.js";
import { PolicyForm, type StructureChoice } from "./policy-form.js";

export interface OverrideRow {
  policy: DeadlinePolicy;
  structure: { id: string; code: string; name: LocalizedText };
}

export interface DeadlinesPageProps {
  defaults: DeadlinePolicy[];
  overrides: OverrideRow[];
  /** Whether the actor may change policies (platform admins): shows the actions and the form. */
  canSet: boolean;
  structures: StructureChoice[];
  values: PolicyInput;
  errors?: FieldErrors<PolicyField>;
}

export const POLICY_FIELD_IDS: Record<PolicyField, string> = {
  structure: "structure",
  caseType: "caseType",
  workingDays: "workingDays",
  pauseAllowed: "pauseAllowed",
  legalBasisAr: "legalBasisAr",
  legalBasisFr: "legalBasisFr",
  legalBasisEn: "legalBasisEn",
};

/** Deadline policies: the national default of each type, structures' overrides, and the form to set one. */
export function DeadlinesPage(props: DeadlinesPageProps) {
  const { defaults, overrides, canSet, structures, values, errors } = props;
  const { t } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, POLICY_FIELD_IDS);
  const title = t("calendar.deadlines.title");
  const byType = new Map(defaults.map((p) => [p.caseType, p]));
  const change = (caseType: string, structure: string) =>
    href(`/admin/deadlines?type=${caseType}&structure=${structure}#set`);
  const cells = (p: DeadlinePolicy) => [
    t("calendar.deadlines.days", { count: p.workingDays }),
    p.pauseAllowed ? t("calendar.deadlines.pauseYes") : t("calendar.deadlines.pauseNo"),
    p.legalBasis ? <Localized key="basis" text={p.legalBasis} /> : t("calendar.deadlines.noBasis"),
  ];
  // Fixed by Organic Law 2016-22, in days: each track's limit with its article, and no suspension.
  const lawCells = (p: DeadlinePolicy | undefined) => [
    <ul key="limits" class="sh-list">
      {ACCESS_TRACK_NAMES.map((track) => (
        <li key={track}>{t(`calendar.deadlines.law.${track}`, trackValues(track))}</li>
      ))}
      <li>{t("calendar.deadlines.law.extension", EXTENSION)}</li>
    </ul>,
    t("calendar.deadlines.law.noPause"),
    <div key="basis">
      <p class="sh-body-text">{t("calendar.deadlines.law.fixed")}</p>
      {p?.legalBasis ? <Localized text={p.legalBasis} /> : null}
    </div>,
  ];
  // The columns of a deadline policy, in both tables (the overrides' start with their structure).
  const policyHead = [
    { text: t("calendar.deadlines.type") },
    { text: t("calendar.deadlines.workingDays"), numeric: true },
    { text: t("calendar.deadlines.pause") },
    { text: t("calendar.deadlines.legalBasis") },
    ...(canSet ? [{ text: t("calendar.actions") }] : []),
  ];
  return (
    <AdminLayout title={title} section="settings">
      <Breadcrumbs items={[{ text: t("admin.nav.home"), href: href("/admin") }, { text: title }]} />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{t("calendar.deadlines.lead")}</p>
      {!canSet && <p class="sh-body-text">{t("calendar.deadlines.readOnly")}</p>}

      <Table
        id="defaults"
        caption={t("calendar.deadlines.defaultsCaption")}
        head={policyHead}
        firstCellIsHeader
        rows={DEADLINE_CASE_TYPES.map((type) => {
          const p = byType.get(type);
          const label = t(`calendar.types.${type}`);
          if (LAW_FIXED_CASE_TYPES.includes(type)) return [label, ...lawCells(p), ...(canSet ? [""] : [])];
          if (!p) return [label, t("calendar.deadlines.missing"), "", "", ...(canSet ? [""] : [])];
          return [
            label,
            ...cells(p),
            ...(canSet
              ? [
                  <a key="change" class="sh-link" href={change(type, "national")}>
                    {t("calendar.deadlines.change")}
                    <span class="sh-visually-hidden">{` ${label}`}</span>
                  </a>,
                ]
              : []),
          ];
        })}
      />

      <h2 class="sh-heading-l">{t("calendar.deadlines.overridesTitle")}</h2>
      {overrides.length === 0 ? (
        <EmptyState title={t("calendar.deadlines.noOverrides")} headingLevel={3}>
          <p class="sh-body-text">{t("calendar.deadlines.noOverridesText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="overrides"
          caption={t("calendar.deadlines.overridesCaption", { count: overrides.length })}
          head={[{ text: t("calendar.deadlines.structure") }, ...policyHead]}
          firstCellIsHeader
          rows={overrides.map(({ policy, structure }) => [
            <UserText key="structure">
              <Localized text={structure.name} />
            </UserText>,
            t(`calendar.types.${policy.caseType}`),
            ...cells(policy),
            ...(canSet
              ? [
                  <div key="actions" class="sh-button-group">
                    <a class="sh-link" href={change(policy.caseType, structure.id)}>
                      {t("calendar.deadlines.change")}
                    </a>
                    <a class="sh-link" href={href(`/admin/deadlines/${policy.id}/remove`)}>
                      {t("calendar.deadlines.remove")}
                    </a>
                  </div>,
                ]
              : []),
          ])}
        />
      )}

      {canSet && <PolicyForm structures={structures} values={values} message={message} />}
    </AdminLayout>
  );
}
