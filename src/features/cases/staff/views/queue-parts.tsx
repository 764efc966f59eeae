import type { ComponentChildren } from "preact";
import { Button } from "../../../../core/views/components/button/button.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import type { BulkField } from "../commands/bulk-update.js";
import { CLOSE_OUTCOMES } from "../commands/close-case.js";
import type { Handler } from "../queries/handlers.js";
import type { SavedView } from "../saved-views.js";

/** The queue's table inside one form, with the two bulk actions under it (no script needed). */
export function BulkActions({
  structureId,
  handlers,
  canAssignOthers,
  message,
  children,
}: {
  structureId: string;
  handlers: Handler[];
  canAssignOthers: boolean;
  message: (field: BulkField) => string | undefined;
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
      <h2 class="sh-heading-m">{t("cases.staff.bulk.title")}</h2>
      <Select
        id="bulk-assignee"
        name="assignee"
        label={t("cases.staff.bulk.assignee")}
        error={message("assignee")}
        options={[
          { value: "me", text: t("cases.staff.assign.me") },
          ...(canAssignOthers
            ? [
                { value: "auto", text: t("cases.staff.assign.auto") },
                ...handlers.map((h) => ({ value: h.id, text: h.name })),
              ]
            : []),
        ]}
      />
      <Button variant="secondary" name="op" value="assign">
        {t("cases.staff.bulk.assign")}
      </Button>
      <Select
        id="bulk-outcome"
        name="outcome"
        label={t("cases.staff.bulk.outcome")}
        error={message("outcome")}
        options={[
          { value: "", text: t("cases.staff.close.choose") },
          ...CLOSE_OUTCOMES.map((o) => ({ value: o, text: t(`cases.staff.outcome.${o}`) })),
        ]}
      />
      <Button variant="warning" name="op" value="close">
        {t("cases.staff.bulk.close")}
      </Button>
    </Form>
  );
}

/** The person's saved views of this queue, and a form to save the current filters. */
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
    <section aria-labelledby="saved-views-title">
      <h2 id="saved-views-title" class="sh-heading-m">
        {t("cases.staff.views.title")}
      </h2>
      {views.length === 0 ? (
        <p class="sh-body-text">{t("cases.staff.views.none")}</p>
      ) : (
        <ul class="sh-tag-list">
          {views.map((v) => (
            <li key={v.id}>
              <a class="sh-link" href={href(`/staff/requests?${v.query}`)}>
                {v.name}
              </a>
              <Form action={`/staff/requests/views/${v.id}/delete`}>
                <Button variant="secondary">
                  {t("cases.staff.views.delete")}
                  <span class="sh-visually-hidden"> {v.name}</span>
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form action="/staff/requests/views">
        <input type="hidden" name="structure" value={structureId} />
        <input type="hidden" name="query" value={query} />
        <TextInput
          id="view-name"
          name="name"
          label={t("cases.staff.views.name")}
          value={name}
          error={error}
          width={20}
        />
        <Button variant="secondary">{t("cases.staff.views.save")}</Button>
      </Form>
    </section>
  );
}
