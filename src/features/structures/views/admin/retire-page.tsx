import type { FieldErrors } from "../../../../core/forms.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { type AdminAbilities, AdminLayout } from "../../../admin/views/admin-layout.js";
import { REASON_MAX } from "../../commands/structure-fields.js";
import type { Structure } from "../../queries.js";
import { usePlainName } from "../localized-text.js";

export interface RetirePageProps {
  abilities: AdminAbilities;
  structure: Structure;
  value: string;
  errors?: FieldErrors<"reason">;
}

/** Retires a structure, with a reason; nothing is deleted. */
export function RetirePage({ abilities, structure, value, errors }: RetirePageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { message, Summary } = useFieldErrors(errors, { reason: "reason" });
  const title = t("structures.admin.retire.title", { name: plain(structure.name) });
  return (
    <AdminLayout title={title} section="structures" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("structures.admin.list.title"), href: href("/admin/structures") },
          { text: plain(structure.name), href: href(`/admin/structures/${structure.id}`) },
          { text: t("structures.admin.actions.retire") },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{t("structures.admin.retire.lead")}</p>
      <Form action={`/admin/structures/${structure.id}/retire`}>
        <Textarea
          id="reason"
          name="reason"
          label={t("structures.admin.retire.reason")}
          hint={t("structures.admin.retire.reasonHint")}
          value={value}
          error={message("reason")}
          maxLength={REASON_MAX}
          rows={3}
        />
        <ButtonGroup>
          <Button variant="warning">{t("structures.admin.retire.submit")}</Button>
          <a class="sh-link" href={href(`/admin/structures/${structure.id}`)}>
            {t("structures.admin.form.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
