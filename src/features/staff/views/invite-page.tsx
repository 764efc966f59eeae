import type { StaffRole } from "../../../core/authz/actor.js";
import type { FieldErrors } from "../../../core/forms.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import type { AdminAbilities } from "../../admin/views/admin-layout.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { InviteField, InviteInput } from "../commands/invite-staff.js";
import type { StructureOption } from "../queries.js";
import { structureOptions } from "./structure-options.js";

export interface InvitePageProps {
  abilities: AdminAbilities;
  structures: StructureOption[];
  /** Roles the actor may grant in at least one of their structures. */
  roles: StaffRole[];
  /** Whether integrity officers are left out because only platform admins appoint them. */
  integrityReserved: boolean;
  values: InviteInput;
  errors?: FieldErrors<InviteField>;
}

/** The form to invite someone to a role in a structure. */
export function InvitePage({
  abilities,
  structures,
  roles,
  integrityReserved,
  values,
  errors,
}: InvitePageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, {
    email: "email",
    displayName: "displayName",
    structureId: "structureId",
    role: "role",
  });
  return (
    <AdminLayout title={t("staff.invite.title")} section="staff" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("staff.list.title"), href: href("/admin/staff") },
          { text: t("staff.invite.title") },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{t("staff.invite.title")}</h1>
      <p class="sh-lead">{t("staff.invite.lead")}</p>
      <Form action="/admin/staff/invite">
        <TextInput
          id="email"
          name="email"
          type="email"
          label={t("staff.invite.email")}
          hint={t("staff.invite.emailHint")}
          value={values.email}
          error={message("email")}
          autocomplete="off"
        />
        <TextInput
          id="displayName"
          name="displayName"
          label={t("staff.invite.name")}
          hint={t("staff.invite.nameHint")}
          value={values.displayName}
          error={message("displayName")}
          autocomplete="off"
        />
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
    </AdminLayout>
  );
}
