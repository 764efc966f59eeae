import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../core/views/context.js";
import { ACCESS_TRACK_NAMES, trackValues } from "../access-law.js";
import { LIMITS } from "../rules.js";

/** The element ids of the request fields both forms share (the citizen's and the counter's). */
export const REQUEST_FIELD_IDS = {
  type: "type",
  structure: "structure",
  category: "category",
  subject: "subject",
  description: "description",
  governorate: "governorate",
  municipality: "municipality",
  address: "address",
  attachments: "attachments",
  contactName: "contact-name",
  contactEmail: "contact-email",
  contactPhone: "contact-phone",
  contactAddress: "contact-address",
  accessTrack: "access-track",
} as const;

/**
 * The fields of a request that a citizen's form and an agent's counter form share, each with the
 * same name, id and limits, so both post what submitCase reads. Hints differ: a citizen is told
 * what to write, an agent what to enter for the person.
 */
interface FieldProps {
  value?: string;
  error?: string;
}

export function CategoryField(
  props: FieldProps & { categories: Array<{ id: string; name: LocalizedText }> },
) {
  const { t, locale } = usePage();
  if (props.categories.length === 0) return null;
  return (
    <Select
      id="category"
      name="category"
      label={t("cases.fields.category")}
      value={props.value}
      error={props.error}
      options={[
        { value: "", text: t("cases.fields.categoryNone") },
        ...props.categories.map((c) => ({ value: c.id, text: pickLocalized(c.name, locale).text })),
      ]}
    />
  );
}

export function DescriptionField(props: FieldProps & { hint: string }) {
  const { t } = usePage();
  return (
    <Textarea
      id="description"
      name="description"
      label={t("cases.fields.description")}
      hint={props.hint}
      value={props.value}
      maxLength={LIMITS.description.max}
      rows={8}
      error={props.error}
    />
  );
}

/** The law's track of an access-to-information request (access-law.ts). */
export function AccessTrackField(props: FieldProps & { hint: string }) {
  const { t } = usePage();
  return (
    <Radios
      id="access-track"
      name="accessTrack"
      label={t("cases.access.trackLabel")}
      hint={props.hint}
      value={props.value ?? "standard"}
      error={props.error}
      items={ACCESS_TRACK_NAMES.map((track) => ({
        value: track,
        label: t(`cases.access.track.${track}`, trackValues(track)),
      }))}
    />
  );
}

export function GovernorateField(
  props: FieldProps & { governorates: Array<{ code: string; name: LocalizedText }> },
) {
  const { t, locale } = usePage();
  return (
    <Select
      id="governorate"
      name="governorate"
      label={t("cases.fields.governorate")}
      value={props.value}
      error={props.error}
      options={[
        { value: "", text: t("cases.fields.governorateNone") },
        ...props.governorates.map((g) => ({ value: g.code, text: pickLocalized(g.name, locale).text })),
      ]}
    />
  );
}

/** The municipality the request is about, among the directory's (the server checks it is in the governorate). */
export function MunicipalityField(
  props: FieldProps & { municipalities: Array<{ id: string; name: LocalizedText }> },
) {
  const { t, locale } = usePage();
  if (props.municipalities.length === 0) return null;
  return (
    <Select
      id="municipality"
      name="municipality"
      label={t("cases.fields.municipality")}
      hint={t("cases.fields.municipalityHint")}
      value={props.value}
      error={props.error}
      options={[
        { value: "", text: t("cases.fields.municipalityNone") },
        ...props.municipalities.map((m) => ({ value: m.id, text: pickLocalized(m.name, locale).text })),
      ]}
    />
  );
}

/** Photos and PDFs, checked by content when posted (attachments.ts). `hintKey` takes {max} and {size}. */
export function AttachmentsField({ hintKey, error }: { hintKey: string; error?: string }) {
  const { t } = usePage();
  return (
    <FileUpload
      id="attachments"
      name="attachments"
      label={t("cases.fields.attachments")}
      hint={t(hintKey, { max: LIMITS.attachments, size: LIMITS.attachmentBytes / 1024 / 1024 })}
      accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
      multiple
      error={error}
    />
  );
}
