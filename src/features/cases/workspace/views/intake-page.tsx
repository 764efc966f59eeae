import type { FieldErrors } from "../../../../core/forms.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { EmailInput, TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import { CASE_TYPES, LIMITS } from "../../rules.js";
import {
  AccessTrackField,
  AttachmentsField,
  CategoryField,
  DescriptionField,
  GovernorateField,
  MunicipalityField,
  REQUEST_FIELD_IDS,
} from "../../views/request-fields.js";
import { type FileRequestField, STAFF_CHANNELS } from "../commands/file-request.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";

export interface StaffIntakePageProps {
  nav: StaffNav;
  /** The structures the agent files for (those whose queue they handle). */
  structures: Array<{ id: string; code: string; name: LocalizedText }>;
  structure: { id: string; code: string; name: LocalizedText };
  categories: Array<{ id: string; name: LocalizedText }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
  municipalities: Array<{ id: string; name: LocalizedText }>;
  submissionKey: string;
  values?: Record<string, string | undefined>;
  errors?: FieldErrors<FileRequestField>;
}

// The coordinates and the contact mode have no field of their own at the counter.
const IDS: Record<FileRequestField, string> = {
  ...REQUEST_FIELD_IDS,
  channel: "channel",
  latitude: "address",
  contactMode: "contact-name",
};

/**
 * A request received at the counter, by phone or by post, entered by an agent for the person who
 * brought it. A multipart form (a scanned letter may be attached) that re-renders with every value
 * kept; the person may have no e-mail at all.
 */
export function StaffIntakePage(props: StaffIntakePageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { values = {}, structure } = props;
  const { message, Summary } = useFieldErrors(props.errors, IDS);
  const title = t("cases.workspace.intake.title");
  return (
    <StaffLayout title={title} section="intake" nav={props.nav}>
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">{t("cases.workspace.intake.lead")}</p>
      {props.structures.length > 1 && (
        <form method="get" action={href("/staff/requests/new")}>
          <Select
            id="switch-structure"
            name="structure"
            label={t("cases.workspace.intake.structure")}
            value={structure.id}
            options={props.structures.map((s) => ({ value: s.id, text: plain(s.name) }))}
          />
          <Button variant="secondary">{t("cases.workspace.queue.switch")}</Button>
        </form>
      )}

      <Form action="/staff/requests/new" enctype="multipart/form-data">
        <input type="hidden" name="structure" value={structure.code} />
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
        <p class="sh-body-text">
          {t("cases.workspace.intake.structureIs")} <strong>{plain(structure.name)}</strong>
        </p>
        <Radios
          id={IDS.channel}
          name="channel"
          label={t("cases.workspace.intake.channel")}
          value={values.channel ?? "counter"}
          error={message("channel")}
          items={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))}
        />
        <Radios
          id={IDS.type}
          name="type"
          label={t("cases.workspace.fields.type")}
          value={values.type}
          error={message("type")}
          items={CASE_TYPES.map((c) => ({ value: c, label: t(`cases.types.${c}`) }))}
        />
        <AccessTrackField
          hint={t("cases.workspace.intake.trackHint")}
          value={values.accessTrack}
          error={message("accessTrack")}
        />
        <CategoryField categories={props.categories} value={values.category} error={message("category")} />
        <TextInput
          id={IDS.subject}
          name="subject"
          label={t("cases.fields.subject")}
          value={values.subject}
          error={message("subject")}
        />
        <DescriptionField
          hint={t("cases.workspace.intake.descriptionHint")}
          value={values.description}
          error={message("description")}
        />
        <GovernorateField
          governorates={props.governorates}
          value={values.governorate}
          error={message("governorate")}
        />
        <MunicipalityField
          municipalities={props.municipalities}
          value={values.municipality}
          error={message("municipality")}
        />
        <TextInput
          id={IDS.address}
          name="address"
          label={t("cases.fields.address")}
          value={values.address}
          error={message("address") ?? message("latitude")}
        />
        <AttachmentsField hintKey="cases.workspace.intake.attachmentsHint" error={message("attachments")} />

        <h2 class="sh-heading-m">{t("cases.workspace.intake.person")}</h2>
        <p class="sh-body-text">{t("cases.workspace.intake.personHint")}</p>
        <TextInput
          id={IDS.contactName}
          name="contactName"
          label={t("cases.workspace.fields.contactName")}
          value={values.contactName}
          autocomplete="off"
          error={message("contactName") ?? message("contactMode")}
        />
        <EmailInput
          id={IDS.contactEmail}
          name="contactEmail"
          label={t("cases.workspace.intake.optional", { field: t("cases.workspace.fields.contactEmail") })}
          hint={t("cases.workspace.intake.emailHint")}
          value={values.contactEmail}
          autocomplete="off"
          dir="ltr"
          error={message("contactEmail")}
        />
        <TextInput
          id={IDS.contactPhone}
          name="contactPhone"
          type="tel"
          label={t("cases.workspace.intake.optional", { field: t("cases.workspace.fields.contactPhone") })}
          value={values.contactPhone}
          autocomplete="off"
          width={20}
          dir="ltr"
          error={message("contactPhone")}
        />
        <Textarea
          id={IDS.contactAddress}
          name="contactAddress"
          label={t("cases.workspace.intake.optional", { field: t("cases.workspace.fields.contactAddress") })}
          value={values.contactAddress}
          maxLength={LIMITS.address}
          rows={3}
          error={message("contactAddress")}
        />
        <Button>{t("cases.workspace.intake.submit")}</Button>
      </Form>
    </StaffLayout>
  );
}
