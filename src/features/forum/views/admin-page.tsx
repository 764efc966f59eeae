import type { FieldErrors } from "../../../core/forms.js";
import { LOCALES } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import type { CategoryField, CategoryInput } from "../commands/categories.js";
import type { CategoryRow } from "../queries.js";

const FIELDS: CategoryField[] = [
  "slug",
  "name_ar",
  "name_fr",
  "name_en",
  "description_ar",
  "description_fr",
  "description_en",
  "position",
];

/** Platform admins: the forum's categories, each editable, and a form to add one. */
export function CategoriesAdminPage({
  categories,
  editing,
  values,
  errors,
}: {
  categories: CategoryRow[];
  /** The form the errors belong to: a category id, or "new". */
  editing?: string;
  values?: CategoryInput;
  errors?: FieldErrors<CategoryField>;
}) {
  const { t } = usePage();
  const valuesOf = (c: CategoryRow): CategoryInput => ({
    slug: c.slug,
    position: String(c.position),
    archived: c.archivedAt ? "1" : "",
    ...Object.fromEntries(
      LOCALES.flatMap((l) => [
        [`name_${l}`, c.name[l] ?? ""],
        [`description_${l}`, c.description[l] ?? ""],
      ]),
    ),
  });
  return (
    <Layout title={t("forum.admin.title")}>
      <h1 class="sh-heading-xl">{t("forum.admin.title")}</h1>
      <p class="sh-lead">{t("forum.admin.lead")}</p>
      {categories.map((c) => (
        <details key={c.id} class="sh-details" open={editing === c.id}>
          <summary class="sh-details__summary">
            <UserText>
              <Localized text={c.name} />
            </UserText>{" "}
            {c.archivedAt ? `(${t("forum.admin.archived")})` : ""}
          </summary>
          <CategoryForm
            prefix={c.id.slice(-8)}
            action={`/admin/forum/${c.id}`}
            values={editing === c.id ? values! : valuesOf(c)}
            errors={editing === c.id ? errors : undefined}
            archivable
          />
        </details>
      ))}
      <h2 class="sh-heading-m">{t("forum.admin.add")}</h2>
      <CategoryForm
        prefix="new"
        action="/admin/forum"
        values={editing === "new" ? values! : {}}
        errors={editing === "new" ? errors : undefined}
      />
    </Layout>
  );
}

function CategoryForm({
  prefix,
  action,
  values,
  errors,
  archivable,
}: {
  prefix: string;
  action: string;
  values: CategoryInput;
  errors?: FieldErrors<CategoryField>;
  archivable?: boolean;
}) {
  const { t } = usePage();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${prefix}-${f}`])) as Record<CategoryField, string>;
  const { message, Summary } = useFieldErrors(errors, ids);
  return (
    <Form action={action}>
      <Summary />
      {FIELDS.map((f) => (
        <TextInput
          key={f}
          id={ids[f]}
          name={f}
          label={t(`forum.admin.fields.${f}`)}
          value={values[f]}
          error={message(f)}
          dir={
            f === "slug" || f === "position"
              ? "ltr"
              : f.endsWith("_ar")
                ? "rtl"
                : f.includes("_")
                  ? "ltr"
                  : undefined
          }
        />
      ))}
      {archivable && (
        <Checkboxes
          id={`${prefix}-archived`}
          name="archived"
          label={t("forum.admin.archiveLabel")}
          values={values.archived === "1" ? ["1"] : []}
          items={[{ value: "1", label: t("forum.admin.archive") }]}
        />
      )}
      <Button>{t("forum.admin.save")}</Button>
    </Form>
  );
}
