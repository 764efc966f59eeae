import type { FieldErrors } from "../../../../core/forms.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { type AdminAbilities, AdminLayout } from "../../../admin/views/admin-layout.js";
import type { Structure, StructureSummary } from "../../queries.js";
import { usePlainName } from "../localized-text.js";

export interface MovePageProps {
  abilities: AdminAbilities;
  structure: Structure;
  /** Where it may go: active structures other than itself and those below it. */
  options: StructureSummary[];
  value: string;
  errors?: FieldErrors<"parentId">;
}

/** Moves a structure under another one in the tree. */
export function MovePage({ abilities, structure, options, value, errors }: MovePageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { message, Summary } = useFieldErrors(errors, { parentId: "parentId" });
  const title = t("structures.admin.move.title", { name: plain(structure.name) });
  return (
    <AdminLayout title={title} section="structures" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("structures.admin.list.title"), href: href("/admin/structures") },
          { text: plain(structure.name), href: href(`/admin/structures/${structure.id}`) },
          { text: t("structures.admin.actions.move") },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{t("structures.admin.move.lead")}</p>
      <Form action={`/admin/structures/${structure.id}/move`}>
        <Select
          id="parentId"
          name="parentId"
          label={t("structures.admin.move.parent")}
          value={value}
          error={message("parentId")}
          options={[
            { value: "", text: t("structures.admin.form.noParent") },
            ...options.map((p) => ({ value: p.id, text: `${plain(p.name)} (${p.code})` })),
          ]}
        />
        <ButtonGroup>
          <Button>{t("structures.admin.move.submit")}</Button>
          <a class="sh-link" href={href(`/admin/structures/${structure.id}`)}>
            {t("structures.admin.form.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
