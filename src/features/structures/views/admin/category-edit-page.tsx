import type { FieldErrors } from "../../../../core/forms.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { type AdminAbilities, AdminLayout } from "../../../admin/views/admin-layout.js";
import type { NamesField } from "../../commands/structure-fields.js";
import type { Structure, StructureCategory } from "../../queries.js";
import { usePlainName } from "../localized-text.js";
import { CategoryNameFields } from "./categories-page.js";

export interface CategoryEditPageProps {
  abilities: AdminAbilities;
  structure: Structure;
  category: StructureCategory;
  values: Partial<Record<NamesField, string>>;
  errors?: FieldErrors<NamesField>;
}

/** Renames a request category. */
export function CategoryEditPage({ abilities, structure, category, values, errors }: CategoryEditPageProps) {
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
    <AdminLayout title={title} section="structures" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("structures.admin.list.title"), href: href("/admin/structures") },
          { text: plain(structure.name), href: href(`/admin/structures/${structure.id}`) },
          { text: t("structures.admin.actions.categories"), href: href(back) },
          { text: t("structures.admin.categories.rename") },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <Form action={`${back}/${category.id}/edit`}>
        <CategoryNameFields values={values} message={(f) => (f === "code" ? undefined : message(f))} />
        <ButtonGroup>
          <Button>{t("structures.admin.form.save")}</Button>
          <a class="sh-link" href={href(back)}>
            {t("structures.admin.form.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
