import type { LocalizedText } from "../../../core/i18n/localized.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { LEGAL_BASIS_MAX } from "../commands/fields.js";
import { NATIONAL, type PolicyField, type PolicyInput } from "../commands/set-deadline-policy.js";
import { MAX_WORKING_DAYS, MIN_WORKING_DAYS, SETTABLE_CASE_TYPES } from "../tables.js";

export interface StructureChoice {
  id: string;
  code: string;
  name: LocalizedText;
}

/** The form that sets a national default or a structure's override. */
export function PolicyForm({
  structures,
  values,
  message,
}: {
  structures: StructureChoice[];
  values: PolicyInput;
  message: (field: PolicyField) => string | undefined;
}) {
  const { t, locale } = usePage();
  const options = structures
    .map((s) => ({ value: s.id, text: pickLocalized(s.name, locale).text }))
    .sort((a, b) => a.text.localeCompare(b.text, locale));
  return (
    <>
      <h2 class="sh-heading-l" id="set">
        {t("calendar.deadlines.setTitle")}
      </h2>
      <p class="sh-body-text">{t("calendar.deadlines.setLead")}</p>
      <Form action="/admin/deadlines">
        <Select
          id="structure"
          name="structure"
          label={t("calendar.deadlines.structure")}
          value={values.structure ?? NATIONAL}
          error={message("structure")}
          options={[{ value: NATIONAL, text: t("calendar.deadlines.national") }, ...options]}
        />
        <Select
          id="caseType"
          name="caseType"
          label={t("calendar.deadlines.type")}
          value={values.caseType}
          error={message("caseType")}
          options={SETTABLE_CASE_TYPES.map((type) => ({ value: type, text: t(`calendar.types.${type}`) }))}
        />
        <TextInput
          id="workingDays"
          name="workingDays"
          label={t("calendar.deadlines.workingDays")}
          hint={t("calendar.deadlines.workingDaysHint", { min: MIN_WORKING_DAYS, max: MAX_WORKING_DAYS })}
          value={values.workingDays}
          error={message("workingDays")}
          width={4}
          inputMode="numeric"
        />
        <Radios
          id="pauseAllowed"
          name="pauseAllowed"
          label={t("calendar.deadlines.pause")}
          hint={t("calendar.deadlines.pauseHint")}
          value={values.pauseAllowed}
          error={message("pauseAllowed")}
          inline
          items={[
            { value: "yes", label: t("calendar.deadlines.pauseYes") },
            { value: "no", label: t("calendar.deadlines.pauseNo") },
          ]}
        />
        <Textarea
          id="legalBasisAr"
          name="legalBasisAr"
          label={t("calendar.deadlines.legalBasisAr")}
          hint={t("calendar.deadlines.legalBasisHint")}
          value={values.legalBasisAr}
          error={message("legalBasisAr")}
          maxLength={LEGAL_BASIS_MAX}
          rows={3}
        />
        <Textarea
          id="legalBasisFr"
          name="legalBasisFr"
          label={t("calendar.deadlines.legalBasisFr")}
          value={values.legalBasisFr}
          error={message("legalBasisFr")}
          maxLength={LEGAL_BASIS_MAX}
          rows={3}
        />
        <Textarea
          id="legalBasisEn"
          name="legalBasisEn"
          label={t("calendar.deadlines.legalBasisEn")}
          value={values.legalBasisEn}
          error={message("legalBasisEn")}
          maxLength={LEGAL_BASIS_MAX}
          rows={3}
        />
        <Button>{t("calendar.deadlines.save")}</Button>
      </Form>
    </>
  );
}
