import type { FieldErrors } from "../../../../core/forms.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import type { NamesField } from "../../commands/structure-fields.js";
import type { Structure, StructureCategory } from "../../queries.js";
import { CategoryNameFields } from "./categories-page.js";
import { StructureSubPage } from "./structure-sub-page.js";

export interface CategoryEditPageProps {
  structure: Structure;
  category: StructureCategory;
  values: Partial<Record<NamesField, string>>;
  errors?: FieldErrors<NamesField>;
}

/** Renames a request category. */
export function CategoryEditPage({ structure, category, values, errors }: CategoryEditPageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { message, Summary } = useFieldErrors(errors, {
    nameAr: "nameAr",
    nameFr: "nameFr",
    nameEn: "nameEn",
  });
  const back = `/admin/structures/${structure.id}/categories`;
  const title = t("structures.admin.categories.renameTitle", { name: plain(category.name) });
  return (
    <StructureSubPage
      structure={structure}
      title={title}
      crumbs={[
        { text: t("structures.admin.actions.categories"), href: href(back) },
        { text: t("structures.admin.categories.rename") },
      ]}
      Summary={Summary}
    >
      <Form action={`${back}/${category.id}/edit`}>
        <CategoryNameFields values={values} message={(f) => (f === "code" ? undefined : message(f))} />
        <ButtonGroup>
          <Button>{t("structures.admin.form.save")}</Button>
          <a class="sh-link" href={href(back)}>
            {t("structures.admin.form.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </StructureSubPage>
  );
}
