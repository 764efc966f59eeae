import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import type { RetentionRule } from "../../../core/personal-data/contracts.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { DateText } from "../../cases/workspace/views/labels.js";
import { MarkdownBody } from "../../help/views/help-pages.js";
import { BODY_MAX, type LegalField, type LegalInput } from "../commands/publish-version.js";
import type { LegalVersion, listVersions } from "../queries.js";
import type { LegalPage } from "../tables.js";

/** A legal page as the public reads it: the version in force, with the date it took effect. */
export function LegalPageView({
  version,
  retention = [],
}: {
  version: LegalVersion;
  retention?: readonly Pick<RetentionRule, "id" | "labelKey" | "durationKey" | "basisKey">[];
}) {
  const { t, locale } = usePage();
  const title = version.title[locale] ?? version.title.ar ?? "";
  return (
    <Layout title={title} width="narrow">
      <h1 class="sh-heading-xl">
        <Localized text={version.title} />
      </h1>
      <p class="sh-hint">
        {t("legal.updated")} <DateText date={version.createdAt} />
      </p>
      <MarkdownBody body={version.body} />
      {retention.length > 0 && (
        <>
          <h2 class="sh-heading-l" id="retention">
            {t("legal.retention.title")}
          </h2>
          <p>{t("legal.retention.lead")}</p>
          <Table
            id="retention-periods"
            caption={t("legal.retention.caption")}
            head={[
              { text: t("legal.retention.columns.data") },
              { text: t("legal.retention.columns.duration") },
              { text: t("legal.retention.columns.basis") },
            ]}
            rows={retention.map((rule) => [t(rule.labelKey), t(rule.durationKey), t(rule.basisKey)])}
          />
        </>
      )}
    </Layout>
  );
}

/** The three legal pages, for platform admins: each one's version in force and a link to edit it. */
export function LegalAdminPage({
  current,
}: {
  current: Array<{ page: LegalPage; version: LegalVersion | null }>;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("legal.admin.title")} section="legal">
      <h1 class="sh-heading-xl">{t("legal.admin.title")}</h1>
      <p class="sh-lead">{t("legal.admin.lead")}</p>
      <Table
        id="legal-pages"
        caption={t("legal.admin.caption")}
        head={[{ text: t("legal.admin.columns.page") }, { text: t("legal.admin.columns.inForce") }]}
        rows={current.map(({ page, version }) => [
          <a key="p" class="sh-link" href={href(`/admin/legal/${page}`)}>
            {t(`legal.pages.${page}`)}
          </a>,
          version ? <DateText key="d" date={version.createdAt} /> : t("legal.admin.none"),
        ])}
      />
    </AdminLayout>
  );
}

const FIELDS: LegalField[] = ["titleAr", "bodyAr", "titleFr", "bodyFr", "titleEn", "bodyEn"];

/** Publishing a new version of one page, in the three languages, above the list of earlier ones. */
export function LegalEditPage({
  page,
  values,
  errors,
  versions,
}: {
  page: LegalPage;
  values: LegalInput;
  errors?: FieldErrors<LegalField>;
  versions: Awaited<ReturnType<typeof listVersions>>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<LegalField, string>;
  const { message, Summary } = useFieldErrors(errors, ids);
  const title = t("legal.admin.editTitle", { page: t(`legal.pages.${page}`) });
  return (
    <AdminLayout title={title} section="legal">
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/legal/${page}`)}>
          {t("legal.admin.view")}
        </a>
      </p>
      <p class="sh-body-text">{t("legal.admin.versionHint")}</p>
      <Form action={`/admin/legal/${page}`}>
        {FIELDS.map((field) =>
          field.startsWith("title") ? (
            <TextInput
              key={field}
              id={field}
              name={field}
              label={t(`legal.fields.${field}`)}
              value={values[field]}
              error={message(field)}
              dir={field.endsWith("Ar") ? "rtl" : "ltr"}
            />
          ) : (
            <Textarea
              key={field}
              id={field}
              name={field}
              label={t(`legal.fields.${field}`)}
              hint={t("help.admin.markdownHint")}
              value={values[field]}
              error={message(field)}
              maxLength={BODY_MAX}
              rows={16}
            />
          ),
        )}
        <Button>{t("legal.admin.publish")}</Button>
      </Form>
      <Table
        id="legal-versions"
        caption={t("legal.admin.versions")}
        head={[{ text: t("legal.admin.columns.date") }, { text: t("legal.admin.columns.author") }]}
        rows={versions.map((v) => [
          formatDateTime(v.createdAt, locale),
          v.authorName ? <UserText key="a">{v.authorName}</UserText> : t("legal.admin.installation"),
        ])}
      />
    </AdminLayout>
  );
}
