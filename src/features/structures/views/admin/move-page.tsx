import type { FieldErrors } from "../../../../core/forms.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { usePage } from "../../../../core/views/context.js";
import { useFieldErrors } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import type { Structure, StructureSummary } from "../../queries.js";
import { StructureActionPage } from "./structure-sub-page.js";

export interface MovePageProps {
  structure: Structure;
  /** Where it may go: active structures other than itself and those below it. */
  options: StructureSummary[];
  value: string;
  errors?: FieldErrors<"parentId">;
}

/** Moves a structure under another one in the tree. */
export function MovePage({ structure, options, value, errors }: MovePageProps) {
  const { t } = usePage();
  const plain = usePlainName();
  const { message, Summary } = useFieldErrors(errors, { parentId: "parentId" });
  return (
    <StructureActionPage
      structure={structure}
      action="move"
      Summary={Summary}
      submit={<Button>{t("structures.admin.move.submit")}</Button>}
    >
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
    </StructureActionPage>
  );
}
