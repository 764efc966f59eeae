import type { FieldErrors } from "../../../../core/forms.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { LocalizedNameFields } from "../../../../core/views/localized-name-fields.js";
import { Localized, usePlainName } from "../../../../core/views/localized-text.js";
import type { CategoryField } from "../../commands/create-category.js";
import type { Structure, StructureCategory } from "../../queries.js";
import { StructureSubPage } from "./structure-sub-page.js";

export interface CategoriesPageProps {
  structure: Structure;
  categories: StructureCategory[];
  /** The "add a category" form, as typed. */
  values: Partial<Record<CategoryField, string>>;
  errors?: FieldErrors<CategoryField>;
}

/** A structure's request categories: the list (rename, retire) and a form to add one. */
export function CategoriesPage({ structure, categories, values, errors }: CategoriesPageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { message, Summary } = useFieldErrors(errors, {
    code: "code",
    nameAr: "nameAr",
    nameFr: "nameFr",
    nameEn: "nameEn",
  });
  const base = `/admin/structures/${structure.id}/categories`;
  const title = t("structures.admin.categories.title", { name: plain(structure.name) });
  return (
    <StructureSubPage
      structure={structure}
      title={title}
      crumbs={[{ text: t("structures.admin.actions.categories") }]}
      lead={t("structures.admin.categories.lead")}
      Summary={Summary}
    >
      {categories.length === 0 ? (
        <EmptyState title={t("structures.admin.categories.emptyTitle")}>
          <p class="sh-body-text">{t("structures.admin.categories.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="categories"
          caption={t("structures.admin.categories.caption", { count: categories.length })}
          head={[
            { text: t("structures.admin.fields.name") },
            { text: t("structures.admin.fields.code") },
            { text: t("structures.admin.fields.status") },
            { text: t("structures.admin.categories.actions") },
          ]}
          firstCellIsHeader
          rows={categories.map((c) => [
            <UserText key="name">
              <Localized text={c.name} />
            </UserText>,
            <code key="code" dir="ltr">
              {c.code}
            </code>,
            c.retiredAt ? (
              <StatusTag key="status">{t("structures.admin.status.retired")}</StatusTag>
            ) : (
              <StatusTag key="status" tone="success">
                {t("structures.admin.status.active")}
              </StatusTag>
            ),
            c.retiredAt ? (
              ""
            ) : (
              <div key="actions" class="sh-button-group">
                <a class="sh-link" href={href(`${base}/${c.id}/edit`)}>
                  {t("structures.admin.categories.rename")}
                  <span class="sh-visually-hidden">
                    {" "}
                    <UserText>{plain(c.name)}</UserText>
                  </span>
                </a>
                <Form action={`${base}/${c.id}/retire`}>
                  <Button variant="warning">
                    {t("structures.admin.categories.retire")}
                    <span class="sh-visually-hidden">
                      {" "}
                      <UserText>{plain(c.name)}</UserText>
                    </span>
                  </Button>
                </Form>
              </div>
            ),
          ])}
        />
      )}
      <h2 class="sh-heading-l">{t("structures.admin.categories.addTitle")}</h2>
      <Form action={base}>
        <TextInput
          id="code"
          name="code"
          label={t("structures.admin.fields.code")}
          hint={t("structures.admin.categories.codeHint")}
          value={values.code}
          error={message("code")}
          dir="ltr"
          spellcheck={false}
          width={20}
        />
        <CategoryNameFields values={values} message={message} />
        <Button>{t("structures.admin.categories.add")}</Button>
      </Form>
    </StructureSubPage>
  );
}

/** The three name fields of a category, shared by the add and rename forms. */
export function CategoryNameFields({
  values,
  message,
}: {
  values: Partial<Record<CategoryField, string>>;
  message: (field: CategoryField) => string | undefined;
}) {
  const { t } = usePage();
  return (
    <LocalizedNameFields
      labels={{
        nameAr: t("structures.admin.fields.nameAr"),
        nameFr: t("structures.admin.fields.nameFr"),
        nameEn: t("structures.admin.fields.nameEn"),
      }}
      values={values}
      message={message}
    />
  );
}
