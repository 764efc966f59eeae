import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";

export type RulesField = "newAccountDays" | "burstMax" | "burstMinutes" | "words";

export function RulesPage({
  values,
  errors,
}: {
  values: Record<RulesField, string>;
  errors?: FieldErrors<RulesField>;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, {
    newAccountDays: "newAccountDays",
    burstMax: "burstMax",
    burstMinutes: "burstMinutes",
    words: "words",
  });
  return (
    <Layout title={t("moderation.rules.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("moderation.rules.title")}</h1>
      <p class="sh-lead">{t("moderation.rules.lead")}</p>
      <Form action="/admin/moderation">
        {(["newAccountDays", "burstMax", "burstMinutes"] as const).map((name) => (
          <TextInput
            key={name}
            id={name}
            name={name}
            label={t(`moderation.rules.${name}`)}
            value={values[name]}
            error={message(name)}
            inputMode="numeric"
            width={4}
            dir="ltr"
          />
        ))}
        <Textarea
          id="words"
          name="words"
          label={t("moderation.rules.words")}
          hint={t("moderation.rules.wordsHint")}
          value={values.words}
          error={message("words")}
          rows={8}
        />
        <Button>{t("moderation.rules.save")}</Button>
      </Form>
    </Layout>
  );
}
