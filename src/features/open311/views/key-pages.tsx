import type { ComponentChildren } from "preact";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { Open311Client } from "../queries.js";

/** What both key pages are about: an application, in the admin area. */
interface KeyPageProps {
  client: Open311Client;
}

/** Right after issuing: the key, shown this once (only its hash is kept). */
export function KeyCreatedPage({ apiKey, ...page }: KeyPageProps & { apiKey: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <ClientKeyPage
      {...page}
      title={t("open311.admin.createdTitle")}
      banner={<NotificationBanner kind="success" title={t("open311.admin.createdBanner")} />}
      keyLabel={t("open311.admin.fields.key")}
      keyValue={
        <code dir="ltr" id="api-key">
          {apiKey}
        </code>
      }
    >
      <div class="sh-inset">
        <p class="sh-body-text">{t("open311.admin.createdOnce")}</p>
        <p class="sh-body-text">{t("open311.admin.createdUse")}</p>
      </div>
      <Button href={href("/admin/open311")} variant="secondary">
        {t("open311.admin.back")}
      </Button>
    </ClientKeyPage>
  );
}

/** Asks before revoking: the application's requests stop at once. */
export function RevokePage(page: KeyPageProps) {
  const { t } = usePage();
  const href = useHref();
  return (
    <ClientKeyPage
      {...page}
      title={t("open311.admin.revokeTitle")}
      keyLabel={t("open311.admin.fields.keyHint")}
      keyValue={<code dir="ltr">{`${page.client.keyHint}…`}</code>}
    >
      <p class="sh-body-text">{t("open311.admin.revokeBody")}</p>
      <Form action={`/admin/open311/${page.client.id}/revoke`}>
        <ButtonGroup>
          <Button variant="warning">{t("open311.admin.revokeSubmit")}</Button>
          <a class="sh-link" href={href("/admin/open311")}>
            {t("open311.admin.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </ClientKeyPage>
  );
}

/** The frame both key pages share: an application's name and its key (whole, or its hint). */
function ClientKeyPage({
  client,
  title,
  banner,
  keyLabel,
  keyValue,
  children,
}: KeyPageProps & {
  title: string;
  banner?: ComponentChildren;
  keyLabel: string;
  keyValue: ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={title} section="settings">
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("open311.admin.title"), href: href("/admin/open311") },
          { text: title },
        ]}
      />
      {banner}
      <h1 class="sh-heading-xl">{title}</h1>
      <SummaryList>
        <SummaryRow label={t("open311.admin.fields.name")}>
          <bdi>{client.name}</bdi>
        </SummaryRow>
        <SummaryRow label={keyLabel}>{keyValue}</SummaryRow>
      </SummaryList>
      {children}
    </AdminLayout>
  );
}
