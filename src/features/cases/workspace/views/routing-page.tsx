import type { FieldErrors } from "../../../../core/forms.js";
import { formatNumber } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Localized, usePlainName } from "../../../../core/views/localized-text.js";
import type { RoutingRuleField } from "../commands/save-routing-rule.js";
import type { RoutingRuleRow } from "../routing-rules.js";
import { ROUTING_ASSIGNMENTS } from "../tables.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";

export interface RoutingPageProps {
  nav: StaffNav;
  rules: Array<{
    rule: RoutingRuleRow;
    categoryName: LocalizedText;
    categoryStructureName: LocalizedText;
    targetName: LocalizedText;
    governorateName: LocalizedText | null;
    municipalityName: LocalizedText | null;
    teamName: LocalizedText | null;
    agentName: string | null;
    /** Requests it routed in the last 30 days. */
    routed: number;
    canDelete: boolean;
  }>;
  targets: Array<{ id: string; name: LocalizedText }>;
  categories: Array<{ id: string; name: LocalizedText; structureName: LocalizedText }>;
  agents: Array<{ id: string; name: string; structureName: LocalizedText }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
  municipalities: Array<{ id: string; name: LocalizedText }>;
  teams: Array<{ id: string; name: LocalizedText; structureName: LocalizedText }>;
  values: Partial<Record<RoutingRuleField, string>>;
  errors?: FieldErrors<RoutingRuleField>;
}

/** Routing rules: which structure receives a category's requests from each governorate or municipality. */
export function RoutingPage(props: RoutingPageProps) {
  const { t, locale } = usePage();
  const plain = usePlainName();
  const { Summary, message } = useFieldErrors(props.errors, {
    category: "category",
    governorate: "governorate",
    municipality: "municipality",
    structure: "structure",
    team: "team",
    assignment: "assignment",
    agent: "agent",
  });
  const title = t("cases.workspace.routing.title");
  return (
    <StaffLayout title={title} section="routing" nav={props.nav}>
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">{t("cases.workspace.routing.lead")}</p>
      {props.rules.length === 0 ? (
        <EmptyState title={t("cases.workspace.routing.emptyTitle")}>
          <p class="sh-body-text">{t("cases.workspace.routing.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="rules"
          caption={t("cases.workspace.routing.caption", { count: props.rules.length })}
          head={[
            { text: t("cases.workspace.fields.category") },
            { text: t("cases.workspace.fields.governorate") },
            { text: t("cases.workspace.fields.municipality") },
            { text: t("cases.workspace.routing.target") },
            { text: t("cases.workspace.routing.team") },
            { text: t("cases.workspace.routing.assignment") },
            { text: t("cases.workspace.routing.routed"), numeric: true },
            { text: t("cases.workspace.templates.actions") },
          ]}
          firstCellIsHeader
          rows={props.rules.map((r) => [
            <>
              <Localized text={r.categoryStructureName} /> — <Localized text={r.categoryName} />
            </>,
            r.governorateName ? (
              <Localized key="g" text={r.governorateName} />
            ) : (
              t("cases.workspace.routing.anyPlace")
            ),
            r.municipalityName ? (
              <Localized key="m" text={r.municipalityName} />
            ) : (
              t("cases.workspace.routing.anyMunicipality")
            ),
            <Localized key="s" text={r.targetName} />,
            r.teamName ? <Localized key="t" text={r.teamName} /> : t("cases.workspace.routing.noTeam"),
            r.rule.assignment === "agent" ? (
              <bdi key="a">{r.agentName ?? "—"}</bdi>
            ) : (
              t(`cases.workspace.routing.assign.${r.rule.assignment}`)
            ),
            formatNumber(r.routed, locale),
            r.canDelete ? (
              <Form key="d" action={`/staff/routing/${r.rule.id}/delete`}>
                <Button variant="warning">{t("cases.workspace.routing.delete")}</Button>
              </Form>
            ) : (
              ""
            ),
          ])}
        />
      )}
      <h2 class="sh-heading-l">{t("cases.workspace.routing.addTitle")}</h2>
      <Form action="/staff/routing">
        <Select
          id="category"
          name="category"
          label={t("cases.workspace.fields.category")}
          value={props.values.category ?? ""}
          error={message("category")}
          options={[
            { value: "", text: t("cases.workspace.routing.chooseCategory") },
            ...props.categories.map((c) => ({
              value: c.id,
              text: `${plain(c.structureName)} — ${plain(c.name)}`,
            })),
          ]}
        />
        <Select
          id="governorate"
          name="governorate"
          label={t("cases.workspace.fields.governorate")}
          value={props.values.governorate ?? ""}
          error={message("governorate")}
          options={[
            { value: "", text: t("cases.workspace.routing.anyPlace") },
            ...props.governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
          ]}
        />
        <Select
          id="municipality"
          name="municipality"
          label={t("cases.workspace.fields.municipality")}
          hint={t("cases.workspace.routing.municipalityHint")}
          value={props.values.municipality ?? ""}
          error={message("municipality")}
          options={[
            { value: "", text: t("cases.workspace.routing.anyMunicipality") },
            ...props.municipalities.map((m) => ({ value: m.id, text: plain(m.name) })),
          ]}
        />
        <Select
          id="structure"
          name="structure"
          label={t("cases.workspace.routing.target")}
          value={props.values.structure ?? ""}
          error={message("structure")}
          options={[
            { value: "", text: t("cases.workspace.transfer.choose") },
            ...props.targets.map((s) => ({ value: s.id, text: plain(s.name) })),
          ]}
        />
        <Select
          id="team"
          name="team"
          label={t("cases.workspace.routing.team")}
          hint={t("cases.workspace.routing.teamHint")}
          value={props.values.team ?? ""}
          error={message("team")}
          options={[
            { value: "", text: t("cases.workspace.routing.noTeam") },
            ...props.teams.map((team) => ({
              value: team.id,
              text: `${plain(team.structureName)} — ${plain(team.name)}`,
            })),
          ]}
        />
        <Select
          id="assignment"
          name="assignment"
          label={t("cases.workspace.routing.assignment")}
          hint={t("cases.workspace.routing.assignmentHint")}
          value={props.values.assignment ?? "none"}
          error={message("assignment")}
          options={ROUTING_ASSIGNMENTS.map((a) => ({
            value: a,
            text: t(`cases.workspace.routing.assign.${a}`),
          }))}
        />
        <Select
          id="agent"
          name="agent"
          label={t("cases.workspace.routing.agent")}
          hint={t("cases.workspace.routing.agentHint")}
          value={props.values.agent ?? ""}
          error={message("agent")}
          options={[
            { value: "", text: t("cases.workspace.transfer.choose") },
            ...props.agents.map((a) => ({ value: a.id, text: `${plain(a.structureName)} — ${a.name}` })),
          ]}
        />
        <Button>{t("cases.workspace.routing.add")}</Button>
      </Form>
    </StaffLayout>
  );
}
