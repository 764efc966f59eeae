import type { FieldErrors } from "../../../../core/forms.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../../core/views/context.js";
import { useFieldErrors } from "../../../../core/views/form.js";
import { REASON_MAX } from "../../commands/structure-fields.js";
import type { Structure } from "../../queries.js";
import { StructureActionPage } from "./structure-sub-page.js";

export interface RetirePageProps {
  structure: Structure;
  value: string;
  errors?: FieldErrors<"reason">;
}

/** Retires a structure, with a reason; nothing is deleted. */
export function RetirePage({ structure, value, errors }: RetirePageProps) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { reason: "reason" });
  return (
    <StructureActionPage
      structure={structure}
      action="retire"
      Summary={Summary}
      submit={<Button variant="warning">{t("structures.admin.retire.submit")}</Button>}
    >
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
    </StructureActionPage>
  );
}
