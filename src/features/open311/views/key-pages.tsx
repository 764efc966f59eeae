import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { type AdminAbilities, AdminLayout } from "../../admin/views/admin-layout.js";
import type { Open311Client } from "../queries.js";

/** Right after issuing: the key, shown this once (only its hash is kept). */
export function KeyCreatedPage({
  abilities,
  client,
  apiKey,
}: {
  abilities: AdminAbilities;
  client: Open311Client;
  apiKey: string;
}) {
  const { t } = usePage();
  const href = useHref();
  const title = t("open311.admin.createdTitle");
  return (
    <AdminLayout title={title} section="settings" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("open311.admin.title"), href: href("/admin/open311") },
          { text: title },
        ]}
      />
      <NotificationBanner kind="success" title={t("open311.admin.createdBanner")} />
      <h1 class="sh-heading-xl">{title}</h1>
      <dl class="sh-summary-list">
        <div class="sh-summary-list__row">
          <dt class="sh-summary-list__key">{t("open311.admin.fields.name")}</dt>
          <dd class="sh-summary-list__value">
            <bdi>{client.name}</bdi>
          </dd>
        </div>
        <div class="sh-summary-list__row">
          <dt class="sh-summary-list__key">{t("open311.admin.fields.key")}</dt>
          <dd class="sh-summary-list__value">
            <code dir="ltr" id="api-key">
              {apiKey}
            </code>
          </dd>
        </div>
      </dl>
      <div class="sh-inset">
        <p class="sh-body-text">{t("open311.admin.createdOnce")}</p>
        <p class="sh-body-text">{t("open311.admin.createdUse")}</p>
      </div>
      <Button href={href("/admin/open311")} variant="secondary">
        {t("open311.admin.back")}
      </Button>
    </AdminLayout>
  );
}

/** Asks before revoking: the application's requests stop at once. */
export function RevokePage({ abilities, client }: { abilities: AdminAbilities; client: Open311Client }) {
  const { t } = usePage();
  const href = useHref();
  const title = t("open311.admin.revokeTitle");
  return (
    <AdminLayout title={title} section="settings" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("open311.admin.title"), href: href("/admin/open311") },
          { text: title },
        ]}
      />
      <h1 class="sh-heading-xl">{title}</h1>
      <dl class="sh-summary-list">
        <div class="sh-summary-list__row">
          <dt class="sh-summary-list__key">{t("open311.admin.fields.name")}</dt>
          <dd class="sh-summary-list__value">
            <bdi>{client.name}</bdi>
          </dd>
        </div>
        <div class="sh-summary-list__row">
          <dt class="sh-summary-list__key">{t("open311.admin.fields.keyHint")}</dt>
          <dd class="sh-summary-list__value">
            <code dir="ltr">{`${client.keyHint}…`}</code>
          </dd>
        </div>
      </dl>
      <p class="sh-body-text">{t("open311.admin.revokeBody")}</p>
      <Form action={`/admin/open311/${client.id}/revoke`}>
        <ButtonGroup>
          <Button variant="warning">{t("open311.admin.revokeSubmit")}</Button>
          <a class="sh-link" href={href("/admin/open311")}>
            {t("open311.admin.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
