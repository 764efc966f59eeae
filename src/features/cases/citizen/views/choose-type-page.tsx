import { Button } from "../../../../core/views/components/button/button.js";
import { ErrorSummary } from "../../../../core/views/components/error-summary/error-summary.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { usePage } from "../../../../core/views/context.js";
import { Layout } from "../../../../core/views/layout.js";
import { CASE_TYPES } from "../../rules.js";

/**
 * Step 1: what kind of request. A GET form, so it works without JavaScript and can be bookmarked.
 * A structure already chosen (a link or QR code from the structure's poster) is carried along.
 */
export function ChooseTypePage({ error, structure }: { error?: boolean; structure?: string }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("cases.intake.title")} width="narrow">
      <ErrorSummary errors={error ? [{ fieldId: "type", message: t("cases.errors.typeRequired") }] : []} />
      <form method="get" action={`/${locale}/requests/new`} noValidate>
        {/* Says the form was sent, so sending it with nothing chosen shows the error. */}
        <input type="hidden" name="step" value="type" />
        {structure && <input type="hidden" name="structure" value={structure} />}
        <Radios
          id="type"
          name="type"
          labelSize="l"
          label={<h1 class="sh-heading-xl">{t("cases.intake.typeQuestion")}</h1>}
          error={error ? t("cases.errors.typeRequired") : undefined}
          items={CASE_TYPES.map((type) => ({
            value: type,
            label: t(`cases.types.${type}`),
            hint: t(`cases.typeHints.${type}`),
          }))}
        />
        <Button>{t("cases.intake.continue")}</Button>
      </form>
      <div class="sh-inset">
        <h2 class="sh-heading-m">{t("cases.intake.corruptionTitle")}</h2>
        <p class="sh-body-text">{t("cases.intake.corruptionBody")}</p>
        <p class="sh-body-text">
          <a class="sh-link" href={`/${locale}/integrity`}>
            {t("cases.intake.corruptionLink")}
          </a>
        </p>
      </div>
    </Layout>
  );
}
