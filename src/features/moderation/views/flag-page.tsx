import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { FLAG_REASONS } from "../commands/moderate.js";
import type { ModeratedItem } from "../kinds.js";
import { excerpt } from "./excerpt.js";

export type FlagField = "reason" | "note";

export function FlagPage({
  kind,
  item,
  errors,
  values,
}: {
  kind: string;
  item: ModeratedItem;
  errors?: FieldErrors<FlagField>;
  values?: Record<string, string>;
}) {
  const { t } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, { reason: "reason", note: "note" });
  return (
    <Layout title={t("moderation.flag.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("moderation.flag.title")}</h1>
      <p class="sh-lead">{t("moderation.flag.lead")}</p>
      <blockquote class="sh-quote">
        <UserText as="p" class="sh-prewrap">
          {excerpt(item)}
        </UserText>
      </blockquote>
      <Form action={`/flag/${kind}/${item.id}`}>
        <Radios
          id="reason"
          name="reason"
          label={t("moderation.flag.reason")}
          value={values?.reason}
          error={message("reason")}
          items={FLAG_REASONS.map((r) => ({ value: r, label: t(`moderation.reasons.${r}`) }))}
        />
        <Textarea
          id="note"
          name="note"
          label={t("moderation.flag.note")}
          hint={t("moderation.flag.noteHint")}
          value={values?.note}
          error={message("note")}
          rows={3}
        />
        <Button>{t("moderation.flag.submit")}</Button>
      </Form>
      <p>
        <a href={href(item.path)}>{t("moderation.flag.cancel")}</a>
      </p>
    </Layout>
  );
}
