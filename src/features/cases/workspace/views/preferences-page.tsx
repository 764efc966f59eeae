import type { FieldErrors } from "../../../../core/forms.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import type { PreferencesField } from "../commands/save-preferences.js";
import { STAFF_MAIL_RHYTHMS } from "../tables.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";

/** A member of staff's own notification settings: a mail for each request handed to them, or a daily summary. */
export function PreferencesPage(props: {
  nav: StaffNav;
  assignmentMail: string;
  errors?: FieldErrors<PreferencesField>;
}) {
  const { t } = usePage();
  const { Summary, message } = useFieldErrors(props.errors, { assignmentMail: "assignmentMail" });
  const title = t("cases.workspace.preferences.title");
  return (
    <StaffLayout title={title} section="preferences" nav={props.nav}>
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">{t("cases.workspace.preferences.lead")}</p>
      <Form action="/staff/preferences">
        <Radios
          id="assignmentMail"
          name="assignmentMail"
          label={t("cases.workspace.preferences.assignmentMail")}
          labelSize="m"
          value={props.assignmentMail}
          error={message("assignmentMail")}
          items={STAFF_MAIL_RHYTHMS.map((r) => ({
            value: r,
            label: t(`cases.workspace.preferences.rhythm.${r}`),
            hint: t(`cases.workspace.preferences.rhythmHint.${r}`),
          }))}
        />
        <Button>{t("cases.workspace.preferences.save")}</Button>
      </Form>
    </StaffLayout>
  );
}
