import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import type { AdminAbilities } from "../../admin/views/admin-layout.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";

/** "Are you sure?" before revoking a role or the platform admin power. */
export function ConfirmRevokePage({
  abilities,
  title,
  body,
  action,
  back,
  submit,
}: {
  abilities: AdminAbilities;
  title: string;
  body: string;
  /** Locale-relative form action. */
  action: string;
  /** Locale-relative page to go back to. */
  back: string;
  submit: string;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={title} section="staff" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("staff.list.title"), href: href("/admin/staff") },
          { text: title },
        ]}
      />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{body}</p>
      <p class="sh-body-text">{t("staff.revoke.effect")}</p>
      <Form action={action}>
        <ButtonGroup>
          <Button variant="warning">{submit}</Button>
          <a class="sh-link" href={href(back)}>
            {t("staff.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
