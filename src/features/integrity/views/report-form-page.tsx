import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../core/views/context.js";
import { useFieldErrors } from "../../../core/views/form.js";
import { canReceive, type ReportDestinations } from "../officers.js";
import { LIMITS, type ReportField, type ReportInput } from "../reports.js";
import { EvidenceField, IntegrityLayout, NoRecipient } from "./parts.js";

const IDS: Record<ReportField, string> = {
  structure: "structure",
  sector: "sector",
  what: "what",
  when: "when",
  who: "who",
  attachments: "attachments",
  contact: "contact",
  identity: "identity",
};

export interface ReportFormProps {
  destinations: ReportDestinations;
  challenge: string;
  values?: ReportInput;
  errors?: FieldErrors<ReportField>;
  /** Seconds to wait before the next report can be sent from here without JavaScript. */
  throttled?: number;
}

/** No destination can open a report: no form, the other ways, and what was written, if anything. */
function ClosedPage({ written }: { written?: string }) {
  const { t } = usePage();
  return (
    <IntegrityLayout title={t("integrity.closed.title")} width="narrow">
      <NoRecipient headingLevel={1} />
      {written && (
        <section aria-labelledby="written">
          <h2 id="written" class="sh-heading-m">
            {t("integrity.closed.written")}
          </h2>
          <p class="sh-hint">{t("integrity.closed.writtenHint")}</p>
          <p class="sh-body-text sh-pre-wrap">{written}</p>
        </section>
      )}
    </IntegrityLayout>
  );
}

/**
 * The report form: multipart, works without JavaScript. With JavaScript, sharek.js solves the
 * anti-flood proof of work in the background and fills `pow` before the form leaves. It offers
 * only the destinations that can open a report, the central unit first; with none, no form at all.
 */
export function ReportFormPage({ destinations, challenge, values = {}, errors, throttled }: ReportFormProps) {
  const { t, locale, csrfToken } = usePage();
  const { message, Summary } = useFieldErrors(errors, IDS);
  if (!canReceive(destinations)) return <ClosedPage written={values.what} />;
  const options = [
    ...(destinations.central ? [{ value: "central", text: t("integrity.fields.structureCentral") }] : []),
    ...destinations.structures.map((s) => ({ value: s.code, text: pickLocalized(s.name, locale).text })),
  ];
  /** A text field of the report: its id, label, hint, value and error all follow from its name. */
  const textField = (name: "sector" | "what" | "when" | "who" | "identity") => ({
    id: IDS[name],
    name,
    label: t(`integrity.fields.${name}`),
    hint: t(`integrity.fields.${name}Hint`),
    value: values[name],
    error: message(name),
  });
  return (
    <IntegrityLayout title={t("integrity.form.title")} width="narrow">
      <Summary />
      {throttled !== undefined && (
        <NotificationBanner
          kind="info"
          title={t("integrity.form.throttled", { minutes: Math.ceil(throttled / 60) })}
        />
      )}
      <h1 class="sh-heading-xl">{t("integrity.form.title")}</h1>
      <p class="sh-lead">{t("integrity.form.lead")}</p>
      <form
        method="post"
        action={`/${locale}/integrity/report`}
        enctype="multipart/form-data"
        noValidate
        data-module="sh-proof-of-work"
        data-challenge={challenge}
      >
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="pow" value="" class="sh-js-pow" />
        <Select
          id={IDS.structure}
          name="structure"
          label={t("integrity.fields.structure")}
          hint={t(
            destinations.central ? "integrity.fields.structureHint" : "integrity.fields.structureHintOnly",
          )}
          value={values.structure ?? options[0]!.value}
          error={message("structure")}
          options={options}
        />
        <TextInput {...textField("sector")} />
        <Textarea {...textField("what")} rows={10} maxLength={LIMITS.what.max} />
        <TextInput {...textField("when")} />
        <Textarea {...textField("who")} rows={4} />
        <EvidenceField error={message("attachments")} />
        <Radios
          id={IDS.contact}
          name="contact"
          label={t("integrity.fields.contact")}
          hint={t("integrity.fields.contactHint")}
          value={values.contact}
          inline
          items={[
            { value: "yes", label: t("integrity.fields.contactYes") },
            { value: "no", label: t("integrity.fields.contactNo") },
          ]}
          error={message("contact")}
        />
        <Textarea {...textField("identity")} rows={3} />
        <Button>{t("integrity.form.submit")}</Button>
      </form>
    </IntegrityLayout>
  );
}
