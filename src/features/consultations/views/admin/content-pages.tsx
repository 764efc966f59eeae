import type { FieldErrors } from "../../../../core/forms.js";
import { LOCALES } from "../../../../core/i18n/localized.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { FileUpload } from "../../../../core/views/components/file-upload/file-upload.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import type { DocumentField } from "../../commands/documents.js";
import type { ImportField, SectionField } from "../../commands/sections.js";
import { LIMITS } from "../../fields.js";
import type { Consultation, ConsultationDocument, Section } from "../../queries.js";
import { DocumentLink, LocalizedBlock, useSectionTitle } from "../parts.js";
import { ConsultationAdminFrame } from "./admin-frame.js";

const SECTION_FIELDS: SectionField[] = ["titleAr", "titleFr", "titleEn", "bodyAr", "bodyFr", "bodyEn"];

/** The fields of one section in ar/fr/en. */
function SectionFields({
  values,
  message,
  prefix,
}: {
  values: Record<string, string | undefined>;
  message: (f: SectionField) => string | undefined;
  prefix: string;
}) {
  const { t } = usePage();
  return (
    <>
      {(["Ar", "Fr", "En"] as const).map((l) => (
        <div key={l} dir={l === "Ar" ? "rtl" : "ltr"}>
          <TextInput
            id={`${prefix}title${l}`}
            name={`title${l}`}
            label={t(`consultations.admin.fields.sectionTitle${l}`)}
            value={values[`title${l}`]}
            error={message(`title${l}` as SectionField)}
          />
          <Textarea
            id={`${prefix}body${l}`}
            name={`body${l}`}
            label={t(`consultations.admin.fields.sectionBody${l}`)}
            value={values[`body${l}`]}
            error={message(`body${l}` as SectionField)}
            maxLength={LIMITS.sectionBody}
            rows={5}
          />
        </div>
      ))}
    </>
  );
}

/** The draft text's sections: the list, a form to add one, and a form to import a whole text. */
export function SectionsPage({
  c,
  sections,
  editable,
  sectionValues = {},
  sectionErrors,
  importValues = {},
  importErrors,
}: {
  c: Consultation;
  sections: Section[];
  editable: boolean;
  sectionValues?: Record<string, string>;
  sectionErrors?: FieldErrors<SectionField>;
  importValues?: Record<string, string>;
  importErrors?: FieldErrors<ImportField>;
}) {
  const { t } = usePage();
  const href = useHref();
  const sectionTitle = useSectionTitle();
  const base = `/admin/consultations/${c.id}/sections`;
  const section = useFieldErrors(
    sectionErrors,
    Object.fromEntries(SECTION_FIELDS.map((f) => [f, `new-${f}`])) as Record<SectionField, string>,
  );
  const imported = useFieldErrors(importErrors, { text: "import-text", language: "import-language" });
  return (
    <ConsultationAdminFrame c={c} tab="sections" title={t("consultations.admin.tabs.sections")}>
      <section.Summary />
      <imported.Summary />
      <h1 class="sh-heading-xl">{t("consultations.admin.sections.title")}</h1>
      {!editable && <p class="sh-inset">{t("consultations.admin.sections.locked")}</p>}
      {sections.length === 0 ? (
        <p class="sh-body-text">{t("consultations.admin.sections.none")}</p>
      ) : (
        <ol class="sh-sections">
          {sections.map((s, i) => (
            <li key={s.id} class="sh-sections__item">
              <h2 class="sh-heading-m">{sectionTitle(s, i)}</h2>
              <LocalizedBlock text={s.body} />
              <p class="sh-caption">
                {t("consultations.admin.sections.languages", { languages: Object.keys(s.body).join(", ") })}
              </p>
              {editable && (
                <ButtonGroup>
                  <a class="sh-link" href={href(`${base}/${s.id}`)}>
                    {t("consultations.admin.sections.edit")}
                  </a>
                  <Form action={`${base}/${s.id}/delete`} class="sh-inline-form">
                    <Button variant="warning">{t("consultations.admin.sections.delete")}</Button>
                  </Form>
                </ButtonGroup>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <>
          <h2 class="sh-heading-l" id="add">
            {t("consultations.admin.sections.add")}
          </h2>
          <Form action={base}>
            <SectionFields values={sectionValues} message={section.message} prefix="new-" />
            <Button>{t("consultations.admin.sections.addButton")}</Button>
          </Form>
          <h2 class="sh-heading-l" id="import">
            {t("consultations.admin.sections.import")}
          </h2>
          <p class="sh-body-text">{t("consultations.admin.sections.importHint")}</p>
          <Form action={`${base}/import`}>
            <Radios
              id="import-language"
              name="language"
              label={t("consultations.admin.sections.importLanguage")}
              inline
              value={importValues.language}
              error={imported.message("language")}
              items={LOCALES.map((l) => ({ value: l, label: t(`consultations.languages.${l}`) }))}
            />
            <Textarea
              id="import-text"
              name="text"
              label={t("consultations.admin.sections.importText")}
              value={importValues.text}
              error={imported.message("text")}
              rows={12}
            />
            <Button variant="secondary">{t("consultations.admin.sections.importButton")}</Button>
          </Form>
        </>
      )}
    </ConsultationAdminFrame>
  );
}

/** Edits one section, in every language. */
export function SectionEditPage({
  c,
  section,
  index,
  values,
  errors,
}: {
  c: Consultation;
  section: Section;
  index: number;
  values: Record<string, string | undefined>;
  errors?: FieldErrors<SectionField>;
}) {
  const { t } = usePage();
  const href = useHref();
  const sectionTitle = useSectionTitle();
  const { message, Summary } = useFieldErrors(
    errors,
    Object.fromEntries(SECTION_FIELDS.map((f) => [f, f])) as Record<SectionField, string>,
  );
  const base = `/admin/consultations/${c.id}/sections`;
  return (
    <ConsultationAdminFrame c={c} tab="sections" title={sectionTitle(section, index)}>
      <Summary />
      <h1 class="sh-heading-xl">{sectionTitle(section, index)}</h1>
      <Form action={`${base}/${section.id}`}>
        <SectionFields values={values} message={message} prefix="" />
        <ButtonGroup>
          <Button>{t("consultations.admin.form.save")}</Button>
          <a class="sh-link" href={href(base)}>
            {t("consultations.admin.form.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </ConsultationAdminFrame>
  );
}

/** PDF documents: the list, with removal, and the upload form. */
export function DocumentsPage({
  c,
  documents,
  values = {},
  errors,
}: {
  c: Consultation;
  documents: ConsultationDocument[];
  values?: Record<string, string>;
  errors?: FieldErrors<DocumentField>;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { title: "document-title", file: "document-file" });
  const base = `/admin/consultations/${c.id}/documents`;
  return (
    <ConsultationAdminFrame c={c} tab="documents" title={t("consultations.admin.tabs.documents")}>
      <Summary />
      <h1 class="sh-heading-xl">{t("consultations.admin.documents.title")}</h1>
      {documents.length === 0 ? (
        <p class="sh-body-text">{t("consultations.admin.documents.none")}</p>
      ) : (
        <ul class="sh-list">
          {documents.map((d) => (
            <li key={d.id}>
              <DocumentLink consultationId={c.id} document={d} />
              <Form action={`${base}/${d.id}/delete`} class="sh-inline-form">
                <Button variant="warning">{t("consultations.admin.documents.delete")}</Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h2 class="sh-heading-l">{t("consultations.admin.documents.add")}</h2>
      <Form action={base} enctype="multipart/form-data">
        <TextInput
          id="document-title"
          name="title"
          label={t("consultations.admin.documents.documentTitle")}
          value={values.title}
          error={message("title")}
        />
        <FileUpload
          id="document-file"
          name="file"
          label={t("consultations.admin.documents.file")}
          hint={t("consultations.admin.documents.fileHint", { max: LIMITS.documentBytes / 1024 / 1024 })}
          accept=".pdf,application/pdf"
          error={message("file")}
        />
        <Button>{t("consultations.admin.documents.upload")}</Button>
      </Form>
    </ConsultationAdminFrame>
  );
}
