import type { FieldErrors } from "../../../core/forms.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { HolidayField, HolidayInput } from "../commands/holiday-fields.js";
import type { Holiday } from "../queries.js";
import { HOLIDAY_FIELD_IDS, HolidayFields } from "./holiday-form.js";

/** Changes a holiday: moves it (an Eid announced a day later), renames it, or changes its kind. */
export function HolidayEditPage({
  holiday,
  back,
  values,
  errors,
}: {
  holiday: Holiday;
  /** The calendar page of the holiday's year. */
  back: string;
  values: HolidayInput;
  errors?: FieldErrors<HolidayField>;
}) {
  const { t } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, HOLIDAY_FIELD_IDS);
  const title = t("calendar.editTitle");
  return (
    <AdminLayout title={title} section="settings">
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("calendar.title"), href: href(back) },
          { text: title },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{t("calendar.editLead")}</p>
      <Form action={`/admin/calendar/${holiday.id}/edit`}>
        <HolidayFields values={values} message={message} />
        <ButtonGroup>
          <Button>{t("calendar.save")}</Button>
          <a class="sh-link" href={href(back)}>
            {t("calendar.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
