import type { FieldErrors } from "../../../../core/forms.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../../core/views/components/checkboxes/checkboxes.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { ErrorMessage } from "../../../../core/views/components/field/field.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { LocalizedNameFields } from "../../../../core/views/localized-name-fields.js";
import { Localized, usePlainName } from "../../../../core/views/localized-text.js";
import type { TeamField } from "../commands/save-team.js";
import type { Team } from "../teams.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";
import { StructureSwitch } from "./structure-switch.js";

interface Choice {
  id: string;
  name: LocalizedText;
}

/** What the team form shows again: the names as typed and the members ticked. */
export interface TeamValues {
  nameAr?: string;
  nameFr?: string;
  nameEn?: string;
  members?: string[];
}

const FIELD_IDS: Record<TeamField | "team", string> = {
  team: "delete-team",
  structure: "structure-switch",
  nameAr: "nameAr",
  nameFr: "nameFr",
  nameEn: "nameEn",
  members: "members",
};

export interface TeamsPageProps {
  nav: StaffNav;
  structures: Choice[];
  structure: Choice;
  teams: Array<{ team: Team; members: string[] }>;
  candidates: Array<{ id: string; name: string }>;
  values: TeamValues;
  errors?: FieldErrors<TeamField>;
}

/** A structure's teams and a form to add one (structure admins). */
export function TeamsPage(props: TeamsPageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { Summary, message } = useFieldErrors(props.errors, FIELD_IDS);
  const title = t("cases.workspace.teams.title");
  return (
    <StaffLayout title={title} section="teams" nav={props.nav}>
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">{t("cases.workspace.teams.lead")}</p>
      <StructureSwitch
        path="/staff/teams"
        id="structure-switch"
        structures={props.structures}
        current={props.structure.id}
      />
      {props.teams.length === 0 ? (
        <EmptyState title={t("cases.workspace.teams.emptyTitle")}>
          <p class="sh-body-text">{t("cases.workspace.teams.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="teams"
          caption={t("cases.workspace.teams.caption", {
            count: props.teams.length,
            structure: plain(props.structure.name),
          })}
          head={[
            { text: t("cases.workspace.teams.name") },
            { text: t("cases.workspace.teams.members") },
            { text: t("cases.workspace.templates.actions") },
          ]}
          firstCellIsHeader
          rows={props.teams.map(({ team, members }) => [
            <Localized key="n" text={team.name} />,
            members.length === 0 ? (
              t("cases.workspace.teams.noMembers")
            ) : (
              <bdi key="m">{members.join("، ")}</bdi>
            ),
            <a key="e" class="sh-link" href={href(`/staff/teams/${team.id}`)}>
              {t("cases.workspace.teams.edit")}
              <span class="sh-visually-hidden"> {plain(team.name)}</span>
            </a>,
          ])}
        />
      )}
      <h2 class="sh-heading-l">{t("cases.workspace.teams.addTitle")}</h2>
      <Form action="/staff/teams">
        <input type="hidden" name="structure" value={props.structure.id} />
        <TeamFields candidates={props.candidates} values={props.values} message={message} />
        <Button>{t("cases.workspace.teams.add")}</Button>
      </Form>
    </StaffLayout>
  );
}

/** Editing one team: its names and its members; or deleting it. */
export function TeamEditPage(props: {
  nav: StaffNav;
  team: Team;
  candidates: Array<{ id: string; name: string }>;
  values: TeamValues;
  errors?: FieldErrors<TeamField | "team">;
}) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { Summary, message } = useFieldErrors(props.errors, FIELD_IDS);
  const title = t("cases.workspace.teams.editTitle", { name: plain(props.team.name) });
  return (
    <StaffLayout title={title} section="teams" nav={props.nav}>
      <Breadcrumbs
        items={[
          {
            text: t("cases.workspace.teams.title"),
            href: href(`/staff/teams?structure=${props.team.structureId}`),
          },
          { text: plain(props.team.name) },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <Form action={`/staff/teams/${props.team.id}`}>
        <TeamFields candidates={props.candidates} values={props.values} message={message} />
        <Button>{t("cases.workspace.teams.save")}</Button>
      </Form>
      <h2 class="sh-heading-l">{t("cases.workspace.teams.deleteTitle")}</h2>
      <p class="sh-body-text">{t("cases.workspace.teams.deleteText")}</p>
      {message("team") && <ErrorMessage id="delete-team">{message("team")}</ErrorMessage>}
      <Form action={`/staff/teams/${props.team.id}/delete`}>
        <Button variant="warning">{t("cases.workspace.teams.delete")}</Button>
      </Form>
    </StaffLayout>
  );
}

function TeamFields({
  candidates,
  values,
  message,
}: {
  candidates: Array<{ id: string; name: string }>;
  values: TeamValues;
  message: (field: TeamField) => string | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <LocalizedNameFields
        labels={{
          nameAr: t("cases.workspace.teams.nameAr"),
          nameFr: t("cases.workspace.teams.nameFr"),
          nameEn: t("cases.workspace.teams.nameEn"),
        }}
        values={values}
        message={message}
      />
      {candidates.length === 0 ? (
        <p class="sh-body-text">{t("cases.workspace.teams.noAgents")}</p>
      ) : (
        <Checkboxes
          id="members"
          name="members"
          label={t("cases.workspace.teams.members")}
          hint={t("cases.workspace.teams.membersHint")}
          values={values.members ?? []}
          error={message("members")}
          items={candidates.map((a) => ({ value: a.id, label: <bdi>{a.name}</bdi> }))}
        />
      )}
    </>
  );
}
