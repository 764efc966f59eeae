import type { FieldErrors } from "../../../../core/forms.js";
import { type LocalizedText, pickLocalized } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Details } from "../../../../core/views/components/details/details.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { EmailInput, TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Layout } from "../../../../core/views/layout.js";
import type { IntakeField, IntakeInput } from "../../commands/check-intake.js";
import { ANONYMOUS_TYPES, type CaseType } from "../../rules.js";
import {
  AccessTrackField,
  AttachmentsField,
  CategoryField,
  DescriptionField,
  GovernorateField,
  MunicipalityField,
  REQUEST_FIELD_IDS,
} from "../../views/request-fields.js";

const IDS: Record<IntakeField, string> = {
  ...REQUEST_FIELD_IDS,
  latitude: "latitude",
  contactMode: "contact-mode",
};

export interface IntakeFormProps {
  type: CaseType;
  structure: { id: string; code: string; name: LocalizedText } | "unknown";
  categories: Array<{ id: string; name: LocalizedText }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
  municipalities: Array<{ id: string; name: LocalizedText }>;
  signedIn: boolean;
  submissionKey: string;
  values?: IntakeInput;
  errors?: FieldErrors<IntakeField>;
  /** Similar open requests found from the words in `about`. */
  similar?: Array<{ id: string; reference: string; subject: string }>;
  about?: string;
}

/** Step 3: the request itself. A multipart form (attachments) that re-renders with every value kept. */
export function IntakeFormPage(props: IntakeFormProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const {
    type,
    structure,
    categories,
    governorates,
    municipalities,
    signedIn,
    values = {},
    errors,
    similar,
    about,
  } = props;
  const { message, Summary } = useFieldErrors(errors, IDS);
  const structureName =
    structure === "unknown" ? t("cases.intake.structureUnknown") : pickLocalized(structure.name, locale).text;
  const structureCode = structure === "unknown" ? "unknown" : structure.code;
  const contactItems = [
    { value: "email", label: t("cases.contact.email") },
    { value: "phone", label: t("cases.contact.phone") },
    ...(ANONYMOUS_TYPES.has(type)
      ? [{ value: "anonymous", label: t("cases.contact.anonymous"), hint: t("cases.contact.anonymousHint") }]
      : []),
  ];
  return (
    <Layout title={t(`cases.types.${type}`)} width="narrow">
      <Summary />
      <p class="sh-caption">{structureName}</p>
      <h1 class="sh-heading-xl">{t(`cases.types.${type}`)}</h1>
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/requests/new?type=${type}`)}>
          {t("cases.intake.changeStructure")}
        </a>
      </p>

      {structure !== "unknown" && (
        <section class="sh-inset" aria-labelledby="similar-title">
          <h2 id="similar-title" class="sh-heading-m">
            {t("cases.similar.title")}
          </h2>
          <form method="get" action={`/${locale}/requests/new`} noValidate>
            <input type="hidden" name="type" value={type} />
            <input type="hidden" name="structure" value={structureCode} />
            <TextInput
              id="about"
              name="about"
              type="search"
              label={t("cases.similar.label")}
              hint={t("cases.similar.hint")}
              value={about}
            />
            <Button variant="secondary">{t("cases.similar.check")}</Button>
          </form>
          {similar && (
            <div aria-live="polite">
              {similar.length === 0 ? (
                <p class="sh-body-text">{t("cases.similar.none")}</p>
              ) : (
                <>
                  <p class="sh-body-text">{t("cases.similar.found", { count: similar.length })}</p>
                  <ul class="sh-list">
                    {similar.map((c) => (
                      <li key={c.id}>
                        <strong>
                          <Reference>{c.reference}</Reference>
                        </strong>{" "}
                        · <UserText>{c.subject}</UserText>{" "}
                        {signedIn ? (
                          <Form action={`/requests/${c.id}/follow`} class="sh-inline-form">
                            <Button variant="secondary">{t("cases.similar.follow")}</Button>
                          </Form>
                        ) : (
                          <a
                            class="sh-link"
                            href={href(
                              `/sign-in?next=${encodeURIComponent(`/${locale}/requests/new?type=${type}&structure=${structureCode}&about=${about ?? ""}`)}`,
                            )}
                          >
                            {t("cases.similar.signInToFollow")}
                          </a>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </section>
      )}

      <Form action="/requests" enctype="multipart/form-data">
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="structure" value={structureCode} />
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
        <CategoryField categories={categories} value={values.category} error={message("category")} />
        <TextInput
          id={IDS.subject}
          name="subject"
          label={t("cases.fields.subject")}
          hint={t("cases.fields.subjectHint")}
          value={values.subject ?? about}
          error={message("subject")}
        />
        <DescriptionField
          hint={t("cases.fields.descriptionHint")}
          value={values.description}
          error={message("description")}
        />
        {type === "information" && (
          <AccessTrackField
            hint={t("cases.access.trackHint")}
            value={values.accessTrack}
            error={message("accessTrack")}
          />
        )}
        <GovernorateField
          governorates={governorates}
          value={values.governorate}
          error={message("governorate")}
        />
        <MunicipalityField
          municipalities={municipalities}
          value={values.municipality}
          error={message("municipality")}
        />
        <TextInput
          id={IDS.address}
          name="address"
          label={t("cases.fields.address")}
          hint={t("cases.fields.addressHint")}
          value={values.address}
          error={message("address")}
        />
        <Details summary={t("cases.fields.coordinatesSummary")}>
          <TextInput
            id={IDS.latitude}
            name="latitude"
            label={t("cases.fields.latitude")}
            value={values.latitude}
            width={10}
            inputMode="decimal"
            dir="ltr"
            error={message("latitude")}
          />
          <TextInput
            id="longitude"
            name="longitude"
            label={t("cases.fields.longitude")}
            value={values.longitude}
            width={10}
            inputMode="decimal"
            dir="ltr"
          />
        </Details>
        <AttachmentsField hintKey="cases.fields.attachmentsHint" error={message("attachments")} />
        {signedIn ? (
          <p class="sh-body-text">{t("cases.contact.account")}</p>
        ) : (
          <>
            <Radios
              id={IDS.contactMode}
              name="contactMode"
              label={t("cases.contact.question")}
              hint={t("cases.contact.hint")}
              value={values.contactMode}
              items={contactItems}
              error={message("contactMode")}
            />
            <TextInput
              id={IDS.contactName}
              name="contactName"
              label={t("cases.contact.name")}
              value={values.contactName}
              autocomplete="name"
              error={message("contactName")}
            />
            <EmailInput
              id={IDS.contactEmail}
              name="contactEmail"
              label={t("cases.contact.emailLabel")}
              value={values.contactEmail}
              autocomplete="email"
              error={message("contactEmail")}
            />
            <TextInput
              id={IDS.contactPhone}
              name="contactPhone"
              type="tel"
              label={t("cases.contact.phoneLabel")}
              value={values.contactPhone}
              autocomplete="tel"
              width={20}
              dir="ltr"
              error={message("contactPhone")}
            />
          </>
        )}
        <Button>{t("cases.intake.submit")}</Button>
      </Form>
    </Layout>
  );
}
