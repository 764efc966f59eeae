import type { FieldErrors } from "../../../../core/forms.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Details } from "../../../../core/views/components/details/details.js";
import { ErrorSummary } from "../../../../core/views/components/error-summary/error-summary.js";
import { FileUpload } from "../../../../core/views/components/file-upload/file-upload.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { usePlainName } from "../../../structures/views/localized-text.js";
import {
  canExtend,
  EXTENSION,
  REASONED_REFUSAL_ARTICLE,
  REFUSAL_ARTICLE,
  REFUSAL_GROUNDS,
} from "../../access-law.js";
import { appealOpen } from "../../appeals.js";
import { LIMITS } from "../../rules.js";
import { closeOutcomesFor } from "../commands/close-case.js";
import { REASON_MAX } from "../commands/transfer-case.js";
import type { CasePageData } from "./case-page.js";
import { DateText } from "./labels.js";

export const CASE_ACTIONS = [
  "assign",
  "reply",
  "ask",
  "note",
  "transfer",
  "duplicate",
  "close",
  "extend",
] as const;
export type CaseActionName = (typeof CASE_ACTIONS)[number];

/** The state of the page's forms: the one just sent back with its errors, and a template's text. */
export interface CaseForms {
  action?: CaseActionName;
  values?: Record<string, string | undefined>;
  errors?: FieldErrors;
  /** The reply box's text, filled from a template. */
  reply?: string;
  templateId?: string;
}

/** The error summary of the form sent back, linking to its fields (ids are "<action>-<field>"). */
export function CaseFormErrors({ forms }: { forms: CaseForms }) {
  const { t } = usePage();
  if (!forms.action || !forms.errors) return null;
  const errors = Object.entries(forms.errors)
    .filter(([, e]) => e)
    .map(([field, e]) => ({ fieldId: `${forms.action}-${field}`, message: t(e!.key, e!.values) }));
  return <ErrorSummary errors={errors} />;
}

/** Each action the actor may take on the request, as its own form (all work without script). */
export function CaseActions({ data, forms }: { data: CasePageData; forms: CaseForms }) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { c, abilities: can } = data;
  const base = `/staff/requests/${c.id}`;
  const mine = (action: CaseActionName) => forms.action === action;
  const value = (action: CaseActionName, field: string) => (mine(action) ? forms.values?.[field] : undefined);
  const error = (action: CaseActionName, field: string) => {
    const e = mine(action) ? forms.errors?.[field] : undefined;
    return e ? t(e.key, e.values) : undefined;
  };
  const any = Object.entries(can).some(([k, v]) => v && k !== "view" && k !== "viewContact");
  if (!any) return null;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title" class="sh-heading-l">
        {t("cases.staff.actions.title")}
      </h2>

      {(can.assignSelf || can.assignOthers) && (
        <Form action={`${base}/assign`}>
          {can.assignOthers ? (
            <Select
              id="assign-assignee"
              name="assignee"
              label={t("cases.staff.assign.label")}
              error={error("assign", "assignee")}
              value={value("assign", "assignee") ?? c.assigneeId ?? ""}
              options={[
                ...(can.assignSelf ? [{ value: "me", text: t("cases.staff.assign.me") }] : []),
                { value: "auto", text: t("cases.staff.assign.auto") },
                ...data.handlers.map((h) => ({ value: h.id, text: h.name })),
              ]}
            />
          ) : (
            <input type="hidden" name="assignee" value="me" />
          )}
          <Button variant="secondary">
            {can.assignOthers ? t("cases.staff.assign.submit") : t("cases.staff.assign.takeIt")}
          </Button>
        </Form>
      )}

      {can.reply && (
        <section id="reply" aria-labelledby="reply-title">
          <h3 id="reply-title" class="sh-heading-m">
            {t("cases.staff.reply.title")}
          </h3>
          {data.templates.length > 0 && (
            <form method="get" action={`${href(base)}#reply`}>
              <Select
                id="template"
                name="template"
                label={t("cases.staff.reply.template")}
                value={forms.templateId ?? ""}
                options={data.templates.map((tpl) => ({
                  value: tpl.id,
                  text: `${tpl.title} (${tpl.locale})`,
                }))}
              />
              <Button variant="secondary">{t("cases.staff.reply.useTemplate")}</Button>
            </form>
          )}
          <Form action={`${base}/reply`} enctype="multipart/form-data">
            <Textarea
              id="reply-body"
              name="body"
              label={t("cases.staff.reply.label")}
              hint={t("cases.staff.reply.hint")}
              value={value("reply", "body") ?? forms.reply}
              error={error("reply", "body")}
              maxLength={LIMITS.reply}
              rows={8}
            />
            <FileUpload
              id="reply-attachments"
              name="attachments"
              label={t("cases.staff.reply.attachments")}
              hint={t("cases.staff.reply.attachmentsHint", {
                max: LIMITS.attachments,
                size: LIMITS.attachmentBytes / 1024 / 1024,
              })}
              accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
              multiple
              error={error("reply", "attachments")}
            />
            <Button>{t("cases.staff.reply.submit")}</Button>
          </Form>
        </section>
      )}

      {can.askInfo && (
        <Details summary={t("cases.staff.ask.title")} open={mine("ask")} id="ask">
          <Form action={`${base}/ask`}>
            <Textarea
              id="ask-body"
              name="body"
              label={t("cases.staff.ask.label")}
              hint={t("cases.staff.ask.hint")}
              value={value("ask", "body")}
              error={error("ask", "body")}
              maxLength={LIMITS.reply}
            />
            <Button variant="secondary">{t("cases.staff.ask.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.note && (
        <Details summary={t("cases.staff.note.title")} open={mine("note")} id="note">
          <Form action={`${base}/note`}>
            <Textarea
              id="note-body"
              name="body"
              label={t("cases.staff.note.label")}
              hint={t("cases.staff.note.hint")}
              value={value("note", "body")}
              error={error("note", "body")}
              maxLength={LIMITS.reply}
            />
            <Button variant="secondary">{t("cases.staff.note.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.transfer && (
        <Details summary={t("cases.staff.transfer.title")} open={mine("transfer")} id="transfer">
          <Form action={`${base}/transfer`}>
            <Select
              id="transfer-structure"
              name="structure"
              label={t("cases.staff.transfer.structure")}
              value={value("transfer", "structure") ?? ""}
              error={error("transfer", "structure")}
              options={[
                { value: "", text: t("cases.staff.transfer.choose") },
                ...data.transferTargets.map((s) => ({ value: s.id, text: plain(s.name) })),
              ]}
            />
            <Textarea
              id="transfer-reason"
              name="reason"
              label={t("cases.staff.transfer.reason")}
              hint={t("cases.staff.transfer.hint")}
              value={value("transfer", "reason")}
              error={error("transfer", "reason")}
              maxLength={REASON_MAX}
              rows={3}
            />
            <Button variant="secondary">{t("cases.staff.transfer.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.markDuplicate && (
        <Details summary={t("cases.staff.duplicate.title")} open={mine("duplicate")} id="duplicate">
          <Form action={`${base}/duplicate`}>
            <TextInput
              id="duplicate-reference"
              name="reference"
              label={t("cases.staff.duplicate.reference")}
              hint={t("cases.staff.duplicate.hint")}
              value={value("duplicate", "reference")}
              error={error("duplicate", "reference")}
              dir="ltr"
              spellcheck={false}
              width={20}
            />
            <Button variant="secondary">{t("cases.staff.duplicate.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.extend && canExtend(c) && (
        <Details
          summary={t("cases.access.extendTitle", { days: EXTENSION.days, article: EXTENSION.article })}
          open={mine("extend")}
          id="extend"
        >
          <Form action={`${base}/extend`}>
            <Textarea
              id="extend-message"
              name="message"
              label={t("cases.access.extendLabel")}
              hint={t("cases.access.extendHint")}
              value={value("extend", "message")}
              error={error("extend", "message")}
              maxLength={LIMITS.reply}
              rows={3}
            />
            <Button variant="secondary">{t("cases.access.extendSubmit")}</Button>
          </Form>
        </Details>
      )}

      {can.close && (
        <Details
          summary={t(appealOpen(c) ? "cases.staff.appeal.decide" : "cases.staff.close.title")}
          open={mine("close")}
          id="close"
        >
          <Form action={`${base}/close`}>
            <Radios
              id="close-outcome"
              name="outcome"
              label={t("cases.staff.close.outcome")}
              value={value("close", "outcome")}
              error={error("close", "outcome")}
              items={closeOutcomesFor(c.type).map((o) => ({
                value: o,
                label: t(`cases.staff.outcome.${o}`),
              }))}
            />
            {c.type === "information" && (
              <Select
                id="close-ground"
                name="ground"
                label={t("cases.access.groundLabel", { article: REFUSAL_ARTICLE })}
                hint={t("cases.access.groundHint", { article: REASONED_REFUSAL_ARTICLE })}
                value={value("close", "ground") ?? ""}
                error={error("close", "ground")}
                options={[
                  { value: "", text: t("cases.access.groundNone") },
                  ...REFUSAL_GROUNDS.map((g) => ({ value: g, text: t(`cases.access.ground.${g}`) })),
                ]}
              />
            )}
            <Textarea
              id="close-message"
              name="message"
              label={t("cases.staff.close.message")}
              hint={t("cases.staff.close.messageHint")}
              value={value("close", "message")}
              error={error("close", "message")}
              maxLength={LIMITS.reply}
              rows={3}
            />
            <Button variant="warning">{t("cases.staff.close.submit")}</Button>
          </Form>
        </Details>
      )}
    </section>
  );
}

/** Open requests that may be this one, each with why, and a one-click "mark as a duplicate of it". */
export function SimilarCases({ data }: { data: CasePageData }) {
  const { t } = usePage();
  const href = useHref();
  if (data.similar.length === 0) return null;
  const base = `/staff/requests/${data.c.id}`;
  return (
    <section aria-labelledby="similar-title">
      <h2 id="similar-title" class="sh-heading-l">
        {t("cases.staff.similar.title")}
      </h2>
      <p class="sh-body-text">{t("cases.staff.similar.lead")}</p>
      <ul class="sh-list">
        {data.similar.map((s) => (
          <li key={s.id}>
            <a class="sh-link" href={href(`/staff/requests/${s.id}`)}>
              <span dir="ltr">{s.reference}</span> · <bdi>{s.subject}</bdi>
            </a>
            <p class="sh-hint">
              {[
                t("cases.staff.similar.words", { count: s.commonWords }),
                s.sameCategory ? t("cases.staff.similar.category") : null,
                s.samePlace ? t(`cases.staff.similar.${s.samePlace}`) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
              {" · "}
              <DateText date={s.createdAt} />
            </p>
            {data.abilities.markDuplicate && (
              <Form action={`${base}/duplicate`} class="sh-inline-form">
                <input type="hidden" name="reference" value={s.reference} />
                <Button variant="secondary">
                  {t("cases.staff.similar.mark", { reference: s.reference })}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
