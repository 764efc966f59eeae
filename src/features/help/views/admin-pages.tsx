import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Localized } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { type ArticleField, BODY_MAX } from "../commands/save-article.js";
import type { HelpArticle } from "../queries.js";
import { helpArticleKind } from "../tables.js";

/** The help centre's content, for platform admins. */
export function HelpAdminPage({ articles }: { articles: HelpArticle[] }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("help.admin.title")} section="help">
      <h1 class="sh-heading-xl">{t("help.admin.title")}</h1>
      <Button href={href("/admin/help/new")}>{t("help.admin.create")}</Button>
      <Table
        id="help-articles"
        caption={t("help.admin.caption")}
        head={[{ text: t("help.admin.columns.title") }, { text: t("help.admin.columns.kind") }]}
        rows={articles.map((a) => [
          <a key="t" class="sh-link" href={href(`/admin/help/${a.id}/edit`)}>
            <UserText>
              <Localized text={a.title} />
            </UserText>
          </a>,
          t(`help.kind.${a.kind}`),
        ])}
      />
    </AdminLayout>
  );
}

const FIELDS: ArticleField[] = [
  "slug",
  "kind",
  "position",
  "titleAr",
  "titleFr",
  "titleEn",
  "bodyAr",
  "bodyFr",
  "bodyEn",
];

/** Writes or edits a guide or a question, in Markdown, in the three languages. */
export function ArticleFormPage({
  article,
  values,
  errors,
}: {
  article?: HelpArticle;
  values: Partial<Record<ArticleField, string>>;
  errors?: FieldErrors<ArticleField>;
}) {
  const { t } = usePage();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<ArticleField, string>;
  const { message, Summary } = useFieldErrors(errors, ids);
  const title = article ? t("help.admin.editTitle") : t("help.admin.create");
  const input = (field: ArticleField, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      id={field}
      name={field}
      label={t(`help.fields.${field}`)}
      value={values[field]}
      error={message(field)}
      {...extra}
    />
  );
  const body = (field: ArticleField) => (
    <Textarea
      id={field}
      name={field}
      label={t(`help.fields.${field}`)}
      hint={t("help.admin.markdownHint")}
      value={values[field]}
      error={message(field)}
      maxLength={BODY_MAX}
      rows={12}
    />
  );
  return (
    <AdminLayout title={title} section="help">
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <Form action={article ? `/admin/help/${article.id}/edit` : "/admin/help/new"}>
        {input("slug", { dir: "ltr", hint: t("help.admin.slugHint"), width: 20, spellcheck: false })}
        <Select
          id="kind"
          name="kind"
          label={t("help.fields.kind")}
          value={values.kind}
          error={message("kind")}
          options={helpArticleKind.enumValues.map((k) => ({ value: k, text: t(`help.kind.${k}`) }))}
        />
        {input("position", { type: "number", inputMode: "numeric", width: 4 })}
        {input("titleAr", { dir: "rtl" })}
        {body("bodyAr")}
        {input("titleFr", { dir: "ltr" })}
        {body("bodyFr")}
        {input("titleEn", { dir: "ltr" })}
        {body("bodyEn")}
        <Button>{t("help.admin.save")}</Button>
      </Form>
    </AdminLayout>
  );
}
