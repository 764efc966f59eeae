import { Button } from "../../../../core/views/components/button/button.js";
import { Details } from "../../../../core/views/components/details/details.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
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
import { type CaseForms, hasOtherActions, useCaseForm } from "./case-forms.js";
import type { CasePageData } from "./case-page.js";

/** Each other action the actor may take on the request, as its own form (all work without script). */
export function CaseActions({ data, forms, from }: { data: CasePageData; forms: CaseForms; from?: string }) {
  const { t } = usePage();
  const plain = usePlainName();
  const { c, abilities: can } = data;
  const { action, mine, value, error } = useCaseForm(data, forms, from);
  if (!hasOtherActions(can)) return null;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title" class="sh-heading-m">
        {t("cases.workspace.actions.title")}
      </h2>

      {(can.assignSelf || can.assignOthers) && (
        <Form action={action("assign")}>
          {can.assignOthers ? (
            <Select
              id="assign-assignee"
              name="assignee"
              label={t("cases.workspace.assign.label")}
              error={error("assign", "assignee")}
              value={value("assign", "assignee") ?? c.assigneeId ?? ""}
              options={[
                ...(can.assignSelf ? [{ value: "me", text: t("cases.workspace.assign.me") }] : []),
                { value: "auto", text: t("cases.workspace.assign.auto") },
                ...data.handlers.map((h) => ({ value: h.id, text: h.name })),
              ]}
            />
          ) : (
            <input type="hidden" name="assignee" value="me" />
          )}
          <Button variant="secondary">
            {can.assignOthers ? t("cases.workspace.assign.submit") : t("cases.workspace.assign.takeIt")}
          </Button>
        </Form>
      )}

      {can.askInfo && (
        <Details summary={t("cases.workspace.ask.title")} open={mine("ask")} id="ask">
          <Form action={action("ask")}>
            <Textarea
              id="ask-body"
              name="body"
              label={t("cases.workspace.ask.label")}
              hint={t("cases.workspace.ask.hint")}
              value={value("ask", "body")}
              error={error("ask", "body")}
              maxLength={LIMITS.reply}
            />
            <Button variant="secondary">{t("cases.workspace.ask.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.note && (
        <Details summary={t("cases.workspace.note.title")} open={mine("note")} id="note">
          <Form action={action("note")}>
            <Textarea
              id="note-body"
              name="body"
              label={t("cases.workspace.note.label")}
              hint={t("cases.workspace.note.hint")}
              value={value("note", "body")}
              error={error("note", "body")}
              maxLength={LIMITS.reply}
            />
            <Button variant="secondary">{t("cases.workspace.note.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.transfer && (
        <Details summary={t("cases.workspace.transfer.title")} open={mine("transfer")} id="transfer">
          <Form action={action("transfer")}>
            <Select
              id="transfer-structure"
              name="structure"
              label={t("cases.workspace.transfer.structure")}
              value={value("transfer", "structure") ?? ""}
              error={error("transfer", "structure")}
              options={[
                { value: "", text: t("cases.workspace.transfer.choose") },
                ...data.transferTargets.map((s) => ({ value: s.id, text: plain(s.name) })),
              ]}
            />
            <Textarea
              id="transfer-reason"
              name="reason"
              label={t("cases.workspace.transfer.reason")}
              hint={t("cases.workspace.transfer.hint")}
              value={value("transfer", "reason")}
              error={error("transfer", "reason")}
              maxLength={REASON_MAX}
              rows={3}
            />
            <Button variant="secondary">{t("cases.workspace.transfer.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.markDuplicate && (
        <Details summary={t("cases.workspace.duplicate.title")} open={mine("duplicate")} id="duplicate">
          <Form action={action("duplicate")}>
            <TextInput
              id="duplicate-reference"
              name="reference"
              label={t("cases.workspace.duplicate.reference")}
              hint={t("cases.workspace.duplicate.hint")}
              value={value("duplicate", "reference")}
              error={error("duplicate", "reference")}
              dir="ltr"
              spellcheck={false}
              width={20}
            />
            <Button variant="secondary">{t("cases.workspace.duplicate.submit")}</Button>
          </Form>
        </Details>
      )}

      {can.extend && canExtend(c) && (
        <Details
          summary={t("cases.access.extendTitle", { days: EXTENSION.days, article: EXTENSION.article })}
          open={mine("extend")}
          id="extend"
        >
          <Form action={action("extend")}>
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
          summary={t(appealOpen(c) ? "cases.workspace.appeal.decide" : "cases.workspace.close.title")}
          open={mine("close")}
          id="close"
        >
          <Form action={action("close")}>
            <Radios
              id="close-outcome"
              name="outcome"
              label={t("cases.workspace.close.outcome")}
              value={value("close", "outcome")}
              error={error("close", "outcome")}
              items={closeOutcomesFor(c.type).map((o) => ({
                value: o,
                label: t(`cases.workspace.outcome.${o}`),
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
              label={t("cases.workspace.close.message")}
              hint={t("cases.workspace.close.messageHint")}
              value={value("close", "message")}
              error={error("close", "message")}
              maxLength={LIMITS.reply}
              rows={3}
            />
            <Button variant="warning">{t("cases.workspace.close.submit")}</Button>
          </Form>
        </Details>
      )}
    </section>
  );
}
