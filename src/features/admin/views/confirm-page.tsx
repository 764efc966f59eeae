import type { ComponentChildren } from "preact";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { AdminLayout, type AdminSection } from "./admin-layout.js";

/** "Are you sure?" before a destructive admin action: one warning button, and a way back. */
export function AdminConfirmPage({
  section,
  title,
  body,
  action,
  back,
  backText,
  parent = { text: backText, path: back },
  submit,
  cancel,
  children,
}: {
  section: AdminSection;
  title: string;
  body: string;
  /** Locale-relative form action. */
  action: string;
  /** Locale-relative page to go back to, and its name in the breadcrumbs. */
  back: string;
  backText: string;
  /** The breadcrumb between the admin home and this page, when it is not `back`. */
  parent?: { text: string; path: string };
  submit: string;
  cancel: string;
  /** More explanation after the body. */
  children?: ComponentChildren;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={title} section={section}>
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: parent.text, href: href(parent.path) },
          { text: title },
        ]}
      />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{body}</p>
      {children}
      <Form action={action}>
        <ButtonGroup>
          <Button variant="warning">{submit}</Button>
          <a class="sh-link" href={href(back)}>
            {cancel}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
