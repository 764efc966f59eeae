import { Button } from "../../../../core/views/components/button/button.js";
import { FileUpload } from "../../../../core/views/components/file-upload/file-upload.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { LIMITS } from "../../rules.js";
import { type CaseForms, replyHintKey, useCaseForm } from "./case-forms.js";
import type { CasePageData } from "./case-page.js";

/** The reply to the person, first on the page: its hint says how the reply reaches them. */
export function ReplyForm({ data, forms, from }: { data: CasePageData; forms: CaseForms; from?: string }) {
  const { t } = usePage();
  const href = useHref();
  const { c, abilities: can } = data;
  const { base, action, value, error } = useCaseForm(data, forms, from);
  if (!can.reply) return null;
  return (
    <section id="reply" aria-labelledby="reply-title">
      <h2 id="reply-title" class="sh-heading-l">
        {t("cases.workspace.reply.title")}
      </h2>
      {data.templates.length > 0 && (
        <form method="get" action={`${href(base)}#reply`} class="sh-qf">
          {from && <input type="hidden" name="from" value={from} />}
          <Select
            id="template"
            name="template"
            label={t("cases.workspace.reply.template")}
            value={forms.templateId ?? ""}
            options={data.templates.map((tpl) => ({
              value: tpl.id,
              text: `${tpl.title} (${tpl.locale})`,
            }))}
          />
          <Button variant="secondary">{t("cases.workspace.reply.useTemplate")}</Button>
        </form>
      )}
      <Form action={action("reply")} enctype="multipart/form-data">
        <Textarea
          id="reply-body"
          name="body"
          label={t("cases.workspace.reply.label")}
          hint={t(replyHintKey(c, data.submitter))}
          value={value("reply", "body") ?? forms.reply}
          error={error("reply", "body")}
          maxLength={LIMITS.reply}
          rows={8}
        />
        <FileUpload
          id="reply-attachments"
          name="attachments"
          label={t("cases.workspace.reply.attachments")}
          hint={t("cases.workspace.reply.attachmentsHint", {
            max: LIMITS.attachments,
            size: LIMITS.attachmentBytes / 1024 / 1024,
          })}
          accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
          multiple
          error={error("reply", "attachments")}
        />
        <Button>{t("cases.workspace.reply.submit")}</Button>
      </Form>
    </section>
  );
}
