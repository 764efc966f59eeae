import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { EmailInput, TextInput } from "../../../core/views/components/text-input/text-input.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { SettingsField, SettingsInput } from "../commands/update-settings.js";
import { REOPEN_WINDOW_MAX, REOPEN_WINDOW_MIN } from "../queries.js";

/** The platform settings form. */
export function SettingsPage({
  values,
  errors,
}: {
  values: SettingsInput;
  errors?: FieldErrors<SettingsField>;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, {
    contactEmail: "contactEmail",
    signUpOpen: "signUpOpen",
    reopenWindowDays: "reopenWindowDays",
  });
  return (
    <AdminLayout title={t("settings.title")} section="settings">
      <Summary />
      <h1 class="sh-heading-xl">{t("settings.title")}</h1>
      <p class="sh-lead">{t("settings.lead")}</p>
      <Form action="/admin/settings">
        <EmailInput
          name="contactEmail"
          label={t("settings.contactEmail.label")}
          hint={t("settings.contactEmail.hint")}
          value={values.contactEmail}
          error={message("contactEmail")}
          autocomplete="off"
        />
        <Radios
          id="signUpOpen"
          name="signUpOpen"
          label={t("settings.signUpOpen.label")}
          hint={t("settings.signUpOpen.hint")}
          value={values.signUpOpen}
          error={message("signUpOpen")}
          items={[
            { value: "yes", label: t("settings.signUpOpen.yes") },
            { value: "no", label: t("settings.signUpOpen.no") },
          ]}
        />
        <TextInput
          id="reopenWindowDays"
          name="reopenWindowDays"
          label={t("settings.reopenWindowDays.label")}
          hint={t("settings.reopenWindowDays.hint", { min: REOPEN_WINDOW_MIN, max: REOPEN_WINDOW_MAX })}
          value={values.reopenWindowDays}
          error={message("reopenWindowDays")}
          inputMode="numeric"
          width={4}
          dir="ltr"
        />
        <Button>{t("settings.save")}</Button>
      </Form>
    </AdminLayout>
  );
}
