import type { FieldErrors } from "../../../../core/forms.js";
import { formatDate } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { ErrorSummary } from "../../../../core/views/components/error-summary/error-summary.js";
import { NotificationBanner } from "../../../../core/views/components/notification-banner/notification-banner.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { Localized, usePlainName } from "../../../../core/views/localized-text.js";
import { AdminLayout } from "../../../admin/views/admin-layout.js";
import type { StructureAbilities } from "../../policy.js";
import type { Structure, StructureSummary } from "../../queries.js";
import { PromotionKitLinks } from "../structure-page.js";

export interface StructureAdminPageProps {
  can: StructureAbilities;
  structure: Structure;
  parent: StructureSummary | null;
  governorate: { code: string; name: LocalizedText } | null;
  activeChildren: number;
  categories: number;
  /** Why restoring failed, when it did. */
  errors?: FieldErrors<"restore">;
}

/** One structure in the admin area: what it is, and the actions the actor may take on it. */
export function StructureAdminPage(props: StructureAdminPageProps) {
  const { can, structure, parent, governorate, activeChildren, categories, errors } = props;
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const base = `/admin/structures/${structure.id}`;
  return (
    <AdminLayout title={plain(structure.name)} section="structures">
      <Breadcrumbs
        items={[
          { text: t("structures.admin.list.title"), href: href("/admin/structures") },
          { text: plain(structure.name) },
        ]}
      />
      {errors?.restore && (
        <ErrorSummary
          errors={[{ fieldId: "restore", message: t(errors.restore.key, errors.restore.values) }]}
        />
      )}
      {structure.retiredAt && (
        <NotificationBanner
          kind="info"
          id="retired-banner"
          title={t("structures.page.retiredSince", { date: formatDate(structure.retiredAt, locale) })}
        >
          {structure.retiredReason && (
            <p class="sh-body-text">
              {t("structures.admin.show.reason", { reason: structure.retiredReason })}
            </p>
          )}
        </NotificationBanner>
      )}
      <UserText as="h1" class="sh-heading-xl">
        <Localized text={structure.name} />
      </UserText>
      <SummaryList>
        <SummaryRow label={t("structures.admin.fields.code")}>
          <code dir="ltr">{structure.code}</code>
        </SummaryRow>
        <SummaryRow label={t("structures.admin.fields.kind")}>
          {t(`structures.kind.${structure.kind}`)}
        </SummaryRow>
        <SummaryRow label={t("structures.admin.fields.parent")}>
          {parent ? (
            <a class="sh-link" href={href(`/admin/structures/${parent.id}`)}>
              <UserText>
                <Localized text={parent.name} />
              </UserText>
            </a>
          ) : (
            t("structures.admin.form.noParent")
          )}
        </SummaryRow>
        <SummaryRow label={t("structures.admin.fields.governorate")}>
          {governorate ? <Localized text={governorate.name} /> : t("structures.admin.form.national")}
        </SummaryRow>
        <SummaryRow label={t("structures.admin.fields.status")}>
          {structure.retiredAt ? (
            <StatusTag tone="neutral">{t("structures.admin.status.retired")}</StatusTag>
          ) : (
            <StatusTag tone="success">{t("structures.admin.status.active")}</StatusTag>
          )}
        </SummaryRow>
        <SummaryRow label={t("structures.admin.show.children")}>
          {t("structures.admin.show.childrenCount", { count: activeChildren })}
        </SummaryRow>
        <SummaryRow label={t("structures.admin.show.categories")}>
          {t("structures.admin.show.categoriesCount", { count: categories })}
        </SummaryRow>
      </SummaryList>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href={href(`/structures/${structure.code}`)}>
            {t("structures.admin.actions.publicPage")}
          </a>
        </li>
        {!structure.retiredAt && <PromotionKitLinks code={structure.code} />}
        {(can.update || can.updateDetails) && (
          <li>
            <a class="sh-link" href={href(`${base}/edit`)}>
              {can.update ? t("structures.admin.actions.edit") : t("structures.admin.actions.editDetails")}
            </a>
          </li>
        )}
        {can.manageCategories && (
          <li>
            <a class="sh-link" href={href(`${base}/categories`)}>
              {t("structures.admin.actions.categories")}
            </a>
          </li>
        )}
        {can.move && (
          <li>
            <a class="sh-link" href={href(`${base}/move`)}>
              {t("structures.admin.actions.move")}
            </a>
          </li>
        )}
        {can.retire && !structure.retiredAt && (
          <li>
            <a class="sh-link" href={href(`${base}/retire`)}>
              {t("structures.admin.actions.retire")}
            </a>
          </li>
        )}
      </ul>
      {can.restore && structure.retiredAt && (
        <Form action={`${base}/restore`}>
          <ButtonGroup>
            <span id="restore" />
            <Button variant="secondary">{t("structures.admin.actions.restore")}</Button>
          </ButtonGroup>
        </Form>
      )}
    </AdminLayout>
  );
}
