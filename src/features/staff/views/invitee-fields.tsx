import type { ComponentChildren } from "preact";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { EmailInput, TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";

/**
 * A page under "Staff" in the back office: its breadcrumbs, the error summary and its heading and
 * lead, so that the invitation pages read alike.
 */
export function StaffSubPage(props: {
  /** Translation key prefix: `${keys}.title` and `${keys}.lead`. */
  keys: "staff.invite" | "staff.admins";
  Summary: () => ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const href = useHref();
  const { Summary } = props;
  return (
    <AdminLayout title={t(`${props.keys}.title`)} section="staff">
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("staff.list.title"), href: href("/admin/staff") },
          { text: t(`${props.keys}.title`) },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{t(`${props.keys}.title`)}</h1>
      <p class="sh-lead">{t(`${props.keys}.lead`)}</p>
      {props.children}
    </AdminLayout>
  );
}

/** Who is invited: the e-mail address the invitation goes to and the name staff will see. */
export function InviteeFields(props: {
  values: { email?: string; displayName?: string };
  message: (field: "email" | "displayName") => string | undefined;
  /** Whether to ask for a work address (staff invitations). */
  emailHint?: boolean;
}) {
  const { t } = usePage();
  return (
    <>
      <EmailInput
        name="email"
        label={t("staff.invite.email")}
        hint={props.emailHint ? t("staff.invite.emailHint") : undefined}
        value={props.values.email}
        error={props.message("email")}
        autocomplete="off"
      />
      <TextInput
        id="displayName"
        name="displayName"
        label={t("staff.invite.name")}
        hint={t("staff.invite.nameHint")}
        value={props.values.displayName}
        error={props.message("displayName")}
        autocomplete="off"
      />
    </>
  );
}
