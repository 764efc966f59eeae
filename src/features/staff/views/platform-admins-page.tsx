import type { FieldErrors } from "../../../core/forms.js";
import { formatDate } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../core/views/components/table/table.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import type { AdminInviteField, AdminInviteInput } from "../commands/invite-platform-admin.js";
import { InviteeFields, StaffSubPage } from "./invitee-fields.js";
import { type InvitationRow, InvitationsTable } from "./staff-page.js";

export interface PlatformAdminsPageProps {
  admins: Array<{
    id: string;
    name: string;
    email: string | null;
    totpEnabledAt: Date | null;
    since: Date;
    canRevoke: boolean;
  }>;
  invitations: InvitationRow[];
  values: AdminInviteInput;
  errors?: FieldErrors<AdminInviteField>;
}

/** Platform admins only: who holds the global power, and the form to invite another. */
export function PlatformAdminsPage({ admins, invitations, values, errors }: PlatformAdminsPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, {
    email: "email",
    displayName: "displayName",
    confirm: "confirm",
  });
  return (
    <StaffSubPage keys="staff.admins" Summary={Summary}>
      <Table
        id="platform-admins"
        caption={t("staff.admins.caption")}
        firstCellIsHeader
        head={[
          { text: t("staff.list.name") },
          { text: t("staff.list.email") },
          { text: t("staff.admins.totp") },
          { text: t("staff.list.since") },
          { text: t("staff.list.actions") },
        ]}
        rows={admins.map((a) => [
          a.name,
          <span dir="ltr" key="email">
            {a.email}
          </span>,
          a.totpEnabledAt ? (
            <StatusTag tone="success">{t("staff.admins.totpOn")}</StatusTag>
          ) : (
            <StatusTag tone="warning">{t("staff.admins.totpPending")}</StatusTag>
          ),
          <time key="since" dateTime={a.since.toISOString()}>
            {formatDate(a.since, locale)}
          </time>,
          a.canRevoke ? (
            <a class="sh-link" href={href(`/admin/staff/platform-admins/${a.id}/revoke`)} key="revoke">
              {t("staff.list.revoke")}
              <span class="sh-visually-hidden"> {t("staff.list.revokeWhom", { name: a.name })}</span>
            </a>
          ) : (
            ""
          ),
        ])}
      />
      {invitations.length > 0 && <InvitationsTable invitations={invitations} />}

      <h2 class="sh-heading-l">{t("staff.admins.inviteTitle")}</h2>
      <Form action="/admin/staff/platform-admins">
        <InviteeFields values={values} message={message} />
        <Checkboxes
          id="confirm"
          name="confirm"
          label={t("staff.admins.confirmLegend")}
          error={message("confirm")}
          values={values.confirm ? [values.confirm] : []}
          items={[
            { value: "yes", label: t("staff.admins.confirmLabel"), hint: t("staff.admins.confirmHint") },
          ]}
        />
        <Button variant="warning">{t("staff.admins.inviteSubmit")}</Button>
      </Form>
    </StaffSubPage>
  );
}
