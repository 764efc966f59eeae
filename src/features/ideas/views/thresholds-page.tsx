import type { FieldErrors } from "../../../core/forms.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { ThresholdField, ThresholdInput } from "../commands/set-idea-threshold.js";
import type { ThresholdRow } from "../queries.js";
import { DEFAULT_THRESHOLD, THRESHOLD_LIMITS } from "../rules.js";

export interface ThresholdsPageProps {
  /** Platform admins: every structure can be chosen, and the table lists those with their own threshold. */
  all: boolean;
  rows: ThresholdRow[];
  structures: Array<{ id: string; code: string; name: LocalizedText }>;
  values: ThresholdInput;
  errors?: FieldErrors<ThresholdField>;
}

/** The idea thresholds of the structures an admin runs: the table, and the form that sets one. */
export function ThresholdsPage({ all, rows, structures, values, errors }: ThresholdsPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, {
    structure: "structure",
    supports: "supports",
    answerDays: "answerDays",
  });
  const title = t("ideas.thresholds.title");
  const name = (n: LocalizedText) => pickLocalized(n, locale).text;
  const options = structures
    .map((s) => ({ value: s.id, text: name(s.name) }))
    .sort((a, b) => a.text.localeCompare(b.text, locale));
  return (
    <AdminLayout title={title} section="ideas">
      <Breadcrumbs items={[{ text: t("admin.nav.home"), href: href("/admin") }, { text: title }]} />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{t("ideas.thresholds.lead", DEFAULT_THRESHOLD)}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("ideas.thresholds.none")} headingLevel={2}>
          <p class="sh-body-text">{t("ideas.thresholds.noneText", DEFAULT_THRESHOLD)}</p>
        </EmptyState>
      ) : (
        <Table
          id="thresholds"
          caption={t(all ? "ideas.thresholds.captionAll" : "ideas.thresholds.caption")}
          head={[
            { text: t("ideas.fields.structure") },
            { text: t("ideas.thresholds.supports"), numeric: true },
            { text: t("ideas.thresholds.answerDays"), numeric: true },
            { text: t("ideas.thresholds.actions") },
          ]}
          firstCellIsHeader
          rows={rows.map((r) => [
            name(r.name),
            r.supports === null
              ? t("ideas.thresholds.default", { value: DEFAULT_THRESHOLD.supports })
              : String(r.supports),
            r.answerDays === null
              ? t("ideas.thresholds.default", { value: DEFAULT_THRESHOLD.answerDays })
              : String(r.answerDays),
            <div key="actions" class="sh-button-group">
              <a class="sh-link" href={href(`/admin/ideas?structure=${r.id}#set`)}>
                {t("ideas.thresholds.change")}
                <span class="sh-visually-hidden">{` ${name(r.name)}`}</span>
              </a>
              {r.supports !== null && (
                <a class="sh-link" href={href(`/admin/ideas/${r.id}/remove`)}>
                  {t("ideas.thresholds.remove")}
                  <span class="sh-visually-hidden">{` ${name(r.name)}`}</span>
                </a>
              )}
            </div>,
          ])}
        />
      )}

      <h2 class="sh-heading-l" id="set">
        {t("ideas.thresholds.setTitle")}
      </h2>
      <p class="sh-body-text">{t("ideas.thresholds.setLead")}</p>
      <Form action="/admin/ideas">
        <Select
          id="structure"
          name="structure"
          label={t("ideas.fields.structure")}
          value={values.structure ?? ""}
          error={message("structure")}
          options={[{ value: "", text: t("ideas.thresholds.choose") }, ...options]}
        />
        <TextInput
          id="supports"
          name="supports"
          label={t("ideas.thresholds.supports")}
          hint={t("ideas.thresholds.supportsHint", {
            min: THRESHOLD_LIMITS.supports[0],
            max: THRESHOLD_LIMITS.supports[1],
          })}
          value={values.supports}
          error={message("supports")}
          width={10}
          inputMode="numeric"
        />
        <TextInput
          id="answerDays"
          name="answerDays"
          label={t("ideas.thresholds.answerDays")}
          hint={t("ideas.thresholds.answerDaysHint", {
            min: THRESHOLD_LIMITS.answerDays[0],
            max: THRESHOLD_LIMITS.answerDays[1],
          })}
          value={values.answerDays}
          error={message("answerDays")}
          width={4}
          inputMode="numeric"
        />
        <Button>{t("ideas.thresholds.save")}</Button>
      </Form>
    </AdminLayout>
  );
}
