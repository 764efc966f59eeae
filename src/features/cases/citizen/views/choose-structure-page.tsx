import { type LocalizedText, pickLocalized } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { ErrorSummary } from "../../../../core/views/components/error-summary/error-summary.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { usePage } from "../../../../core/views/context.js";
import { Layout } from "../../../../core/views/layout.js";
import type { CaseType } from "../../rules.js";

export interface StructureChoice {
  code: string;
  name: LocalizedText;
}

/** Step 2: which structure. Search by name in any language, or "I don't know". */
export function ChooseStructurePage({
  type,
  query,
  results,
  error,
}: {
  type: CaseType;
  query: string;
  results: StructureChoice[];
  error?: boolean;
}) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("cases.intake.structureQuestion")} width="narrow">
      <ErrorSummary
        errors={error ? [{ fieldId: "structure", message: t("cases.errors.structureRequired") }] : []}
      />
      <p class="sh-caption">{t(`cases.types.${type}`)}</p>
      <h1 class="sh-heading-xl">{t("cases.intake.structureQuestion")}</h1>
      <form method="get" action={`/${locale}/requests/new`} noValidate>
        <input type="hidden" name="type" value={type} />
        <TextInput
          id="structure-search"
          name="q"
          type="search"
          label={t("cases.intake.structureSearch")}
          hint={t("cases.intake.structureSearchHint")}
          value={query}
        />
        <Button variant="secondary">{t("cases.intake.search")}</Button>
      </form>
      <form method="get" action={`/${locale}/requests/new`} noValidate>
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="step" value="structure" />
        <Radios
          id="structure"
          name="structure"
          label={
            query
              ? t("cases.intake.structureResults", { count: results.length, query })
              : t("cases.intake.structureCommon")
          }
          error={error ? t("cases.errors.structureRequired") : undefined}
          items={[
            ...results.map((s) => {
              const name = pickLocalized(s.name, locale);
              return {
                value: s.code,
                label: <span lang={name.lang === locale ? undefined : name.lang}>{name.text}</span>,
              };
            }),
            {
              value: "unknown",
              label: t("cases.intake.structureUnknown"),
              hint: t("cases.intake.structureUnknownHint"),
            },
          ]}
        />
        <Button>{t("cases.intake.continue")}</Button>
      </form>
    </Layout>
  );
}
