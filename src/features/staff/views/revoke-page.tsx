import { usePage } from "../../../core/views/context.js";
import { AdminConfirmPage } from "../../admin/views/confirm-page.js";

/** "Revoke this role?": a membership or a platform admin's power, both under Staff in the back office. */
export function RevokeConfirmPage(props: {
  title: string;
  body: string;
  /** Locale-relative form action, and the page to go back to. */
  action: string;
  back: string;
}) {
  const { t } = usePage();
  return (
    <AdminConfirmPage
      section="staff"
      parent={{ text: t("staff.list.title"), path: "/admin/staff" }}
      backText={t("staff.list.title")}
      cancel={t("staff.cancel")}
      title={props.title}
      body={props.body}
      action={props.action}
      back={props.back}
      submit={t("staff.revoke.submit")}
    >
      <p class="sh-body-text">{t("staff.revoke.effect")}</p>
    </AdminConfirmPage>
  );
}
