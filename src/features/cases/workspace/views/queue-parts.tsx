import type { ComponentChildren } from "preact";
import { Button } from "../../../../core/views/components/button/button.js";
import { Details } from "../../../../core/views/components/details/details.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { REASONED_REFUSAL_ARTICLE, REFUSAL_ARTICLE, REFUSAL_GROUNDS } from "../../access-law.js";
import { LIMITS } from "../../rules.js";
import type { BulkField } from "../commands/bulk-update.js";
import { BULK_CLOSE_OUTCOMES } from "../commands/bulk-update.js";
import type { Handler } from "../queries/handlers.js";
import type { SavedView } from "../saved-views.js";

/** What a refused bulk action sent: the form shows it again. */
export interface BulkValues {
  ids: string[];
  outcome?: string;
  ground?: string;
  message?: string;
}

/**
 * The queue's table inside one form, with the two bulk actions under it (no script needed). Closing
 * offers every outcome, the access-to-information ones too, with the law's ground and the reasons
 * a refusal needs; the command refuses an outcome that some selected request's type does not have.
 */
export function BulkActions({
  structureId,
  handlers,
  canAssignOthers,
  message,
  values,
  children,
}: {
  structureId: string;
  handlers: Handler[];
  canAssignOthers: boolean;
  message: (field: BulkField) => string | undefined;
  values?: BulkValues;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const idsError = message("ids");
  return (
    <Form action="/staff/requests/bulk">
      <input type="hidden" name="structure" value={structureId} />
      {idsError && (
        <p class="sh-error-message">
          <span class="sh-visually-hidden">{t("views.field.errorPrefix")} </span>
          {idsError}
        </p>
      )}
      {children}
      <h2 class="sh-heading-m">{t("cases.workspace.bulk.title")}</h2>
      <Select
        id="bulk-assignee"
        name="assignee"
        label={t("cases.workspace.bulk.assignee")}
        error={message("assignee")}
        options={[
          { value: "me", text: t("cases.workspace.assign.me") },
          ...(canAssignOthers
            ? [
                { value: "auto", text: t("cases.workspace.assign.auto") },
                ...handlers.map((h) => ({ value: h.id, text: h.name })),
              ]
            : []),
        ]}
      />
      <Button variant="secondary" name="op" value="assign">
        {t("cases.workspace.bulk.assign")}
      </Button>
      <Select
        id="bulk-outcome"
        name="outcome"
        label={t("cases.workspace.bulk.outcome")}
        hint={t("cases.workspace.bulk.outcomeHint")}
        error={message("outcome")}
        value={values?.outcome}
        options={[
          { value: "", text: t("cases.workspace.close.choose") },
          ...BULK_CLOSE_OUTCOMES.map((o) => ({ value: o, text: t(`cases.workspace.outcome.${o}`) })),
        ]}
      />
      <Select
        id="bulk-ground"
        name="ground"
        label={t("cases.access.groundLabel", { article: REFUSAL_ARTICLE })}
        hint={t("cases.access.groundHint", { article: REASONED_REFUSAL_ARTICLE })}
        error={message("ground")}
        value={values?.ground ?? ""}
        options={[
          { value: "", text: t("cases.access.groundNone") },
          ...REFUSAL_GROUNDS.map((g) => ({ value: g, text: t(`cases.access.ground.${g}`) })),
        ]}
      />
      <Textarea
        id="bulk-message"
        name="message"
        label={t("cases.workspace.bulk.message")}
        hint={t("cases.workspace.bulk.messageHint")}
        value={values?.message}
        error={message("message")}
        maxLength={LIMITS.reply}
        rows={3}
      />
      <Button variant="warning" name="op" value="close">
        {t("cases.workspace.bulk.close")}
      </Button>
    </Form>
  );
}

/**
 * The person's saved views of this queue as one line of links (each with its delete button), and
 * the form to save the current filters folded away until asked for (or sent back with an error).
 */
export function SavedViews({
  views,
  query,
  structureId,
  name,
  error,
}: {
  views: SavedView[];
  query: string;
  structureId: string;
  name?: string;
  error?: string;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <ul class="sh-chips" aria-label={t("cases.workspace.views.title")}>
      {views.map((v) => (
        <li key={v.id}>
          <a class="sh-link" href={href(`/staff/requests?${v.query}`)}>
            <UserText>{v.name}</UserText>
          </a>{" "}
          <Form action={`/staff/requests/views/${v.id}/delete`} class="sh-inline-form">
            <button type="submit" class="sh-link-button">
              {t("cases.workspace.views.delete")}
              <span class="sh-visually-hidden">
                {" "}
                <UserText>{v.name}</UserText>
              </span>
            </button>
          </Form>
        </li>
      ))}
      <li>
        <Details summary={t("cases.workspace.views.saveTitle")} open={Boolean(error)} id="save-view">
          <Form action="/staff/requests/views" class="sh-qf">
            <input type="hidden" name="structure" value={structureId} />
            <input type="hidden" name="query" value={query} />
            <TextInput
              id="view-name"
              name="name"
              label={t("cases.workspace.views.name")}
              value={name}
              error={error}
              width={20}
            />
            <Button variant="secondary">{t("cases.workspace.views.save")}</Button>
          </Form>
        </Details>
      </li>
    </ul>
  );
}
