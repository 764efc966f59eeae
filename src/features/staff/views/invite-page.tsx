import type { StaffRole } from "../../../core/authz/actor.js";
import type { FieldErrors } from "../../../core/forms.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import type { InviteField, InviteInput } from "../commands/invite-staff.js";
import type { StructureOption } from "../queries.js";
import { InviteeFields, StaffSubPage } from "./invitee-fields.js";
import { structureOptions } from "./structure-options.js";

export interface InvitePageProps {
  structures: StructureOption[];
  /** Roles the actor may grant in at least one of their structures. */
  roles: StaffRole[];
  /** Whether integrity officers are left out because only platform admins appoint them. */
  integrityReserved: boolean;
  values: InviteInput;
  errors?: FieldErrors<InviteField>;
}

/** The form to invite someone to a role in a structure. */
export function InvitePage({ structures, roles, integrityReserved, values, errors }: InvitePageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, {
    email: "email",
    displayName: "displayName",
    structureId: "structureId",
    role: "role",
  });
  return (
    <StaffSubPage keys="staff.invite" Summary={Summary}>
      <Form action="/admin/staff/invite">
        <InviteeFields values={values} message={message} emailHint />
        <Select
          id="structureId"
          name="structureId"
          label={t("staff.invite.structure")}
          value={values.structureId}
          error={message("structureId")}
          options={[
            ...(structures.length > 1 ? [{ value: "", text: t("staff.invite.chooseStructure") }] : []),
            ...structureOptions(structures, locale),
          ]}
        />
        <Radios
          id="role"
          name="role"
          label={t("staff.invite.role")}
          hint={integrityReserved ? t("staff.invite.integrityReserved") : undefined}
          value={values.role}
          error={message("role")}
          items={roles.map((role) => ({
            value: role,
            label: t(`staff.roles.${role}`),
            hint: t(`staff.roleHints.${role}`),
          }))}
        />
        <ButtonGroup>
          <Button>{t("staff.invite.submit")}</Button>
          <a class="sh-link" href={href("/admin/staff")}>
            {t("staff.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </StaffSubPage>
  );
}
