import type { FieldErrors } from "../../../../core/forms.js";
import { formatDate } from "../../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../../core/i18n/localized.js";
import { boundFields } from "../../../../core/views/bound-fields.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Localized } from "../../../../core/views/localized-text.js";
import { AdminLayout } from "../../../admin/views/admin-layout.js";
import type { ConsultationField, ConsultationInput } from "../../commands/save-consultation.js";
import { LIMITS, THEMES } from "../../fields.js";
import type { ConsultationCard } from "../../list-queries.js";
import type { Consultation } from "../../queries.js";
import { PhaseTag } from "../parts.js";
import { ConsultationAdminFrame } from "./admin-frame.js";

/** Every consultation the actor runs, newest first. */
export function AdminListPage({ items, canCreate }: { items: ConsultationCard[]; canCreate: boolean }) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("consultations.admin.list.title")} section="consultations">
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: t("consultations.admin.list.title") },
        ]}
      />
      <h1 class="sh-heading-xl">{t("consultations.admin.list.title")}</h1>
      {canCreate && (
        <p>
          <Button href={href("/admin/consultations/new")}>{t("consultations.admin.list.create")}</Button>
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState title={t("consultations.admin.list.emptyTitle")}>
          <p class="sh-body-text">{t("consultations.admin.list.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="consultations"
          caption={t("consultations.admin.list.caption", { count: items.length })}
          head={[
            { text: t("consultations.admin.fields.title") },
            { text: t("consultations.admin.fields.structure") },
            { text: t("consultations.admin.fields.phase") },
            { text: t("consultations.admin.fields.dates") },
          ]}
          rows={items.map((c) => [
            <a key="t" class="sh-link" href={href(`/admin/consultations/${c.id}`)}>
              <UserText>
                <Localized text={c.title} />
              </UserText>
            </a>,
            <UserText key="s">
              <Localized text={c.structureName} />
            </UserText>,
            <PhaseTag key="p" consultation={c} />,
            `${formatDate(c.opensAt, locale)} – ${formatDate(c.closesAt, locale)}`,
          ])}
        />
      )}
    </AdminLayout>
  );
}

const FIELDS: ConsultationField[] = [
  "structureId",
  "titleAr",
  "titleFr",
  "titleEn",
  "summaryAr",
  "summaryFr",
  "summaryEn",
  "bodyAr",
  "bodyFr",
  "bodyEn",
  "theme",
  "area",
  "governorateCode",
  "municipality",
  "participation",
  "opensAt",
  "closesAt",
  "outcomeDueAt",
];

/** Creates a consultation (a draft), or edits one. */
export function ConsultationFormPage({
  consultation,
  values,
  errors,
  structures,
  governorates,
}: {
  /** Absent when creating. */
  consultation?: Consultation;
  values: ConsultationInput;
  errors?: FieldErrors<ConsultationField>;
  /** The structures the actor may consult for (creation only). */
  structures: Array<{ id: string; name: LocalizedText }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(
    errors,
    Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<ConsultationField, string>,
  );
  const creating = !consultation;
  const plain = (text: LocalizedText) => pickLocalized(text, locale).text;
  const { text, area } = boundFields(values, message);
  const textField = (field: ConsultationField, label: string, dir: "rtl" | "ltr") =>
    text(field, label, { dir });
  const localArea = (
    field: ConsultationField,
    label: string,
    maxLength: number,
    dir: "rtl" | "ltr",
    rows: number,
  ) => <div dir={dir}>{area(field, label, { maxLength, rows })}</div>;
  const date = (field: ConsultationField, label: string, hint?: string) =>
    text(field, label, {
      hint: hint ?? t("consultations.admin.form.dateHint"),
      width: 10,
      dir: "ltr",
      inputMode: "numeric",
    });
  const form = (
    <Form action={creating ? "/admin/consultations/new" : `/admin/consultations/${consultation.id}/edit`}>
      {creating && (
        <Select
          id="structureId"
          name="structureId"
          label={t("consultations.admin.fields.structure")}
          value={values.structureId}
          error={message("structureId")}
          options={[
            { value: "", text: t("consultations.admin.form.choose") },
            ...structures.map((s) => ({ value: s.id, text: plain(s.name) })),
          ]}
        />
      )}
      <fieldset class="sh-fieldset">
        <legend class="sh-fieldset__legend sh-fieldset__legend--m">
          {t("consultations.admin.form.texts")}
        </legend>
        <p class="sh-hint">{t("consultations.admin.form.textsHint")}</p>
        {textField("titleAr", t("consultations.admin.fields.titleAr"), "rtl")}
        {textField("titleFr", t("consultations.admin.fields.titleFr"), "ltr")}
        {textField("titleEn", t("consultations.admin.fields.titleEn"), "ltr")}
        {localArea("summaryAr", t("consultations.admin.fields.summaryAr"), LIMITS.summary, "rtl", 3)}
        {localArea("summaryFr", t("consultations.admin.fields.summaryFr"), LIMITS.summary, "ltr", 3)}
        {localArea("summaryEn", t("consultations.admin.fields.summaryEn"), LIMITS.summary, "ltr", 3)}
        {localArea("bodyAr", t("consultations.admin.fields.bodyAr"), LIMITS.body, "rtl", 6)}
        {localArea("bodyFr", t("consultations.admin.fields.bodyFr"), LIMITS.body, "ltr", 6)}
        {localArea("bodyEn", t("consultations.admin.fields.bodyEn"), LIMITS.body, "ltr", 6)}
      </fieldset>
      <Select
        id="theme"
        name="theme"
        label={t("consultations.admin.fields.theme")}
        value={values.theme}
        error={message("theme")}
        options={[
          { value: "", text: t("consultations.admin.form.choose") },
          ...THEMES.map((th) => ({ value: th, text: t(`consultations.theme.${th}`) })),
        ]}
      />
      <Radios
        id="area"
        name="area"
        label={t("consultations.admin.fields.area")}
        value={values.area}
        error={message("area")}
        items={(["national", "governorate", "municipality"] as const).map((a) => ({
          value: a,
          label: t(`consultations.area.${a}`),
        }))}
      />
      <Select
        id="governorateCode"
        name="governorateCode"
        label={t("consultations.admin.fields.governorate")}
        hint={t("consultations.admin.form.governorateHint")}
        value={values.governorateCode}
        error={message("governorateCode")}
        options={[
          { value: "", text: t("consultations.admin.form.choose") },
          ...governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
        ]}
      />
      <TextInput
        id="municipality"
        name="municipality"
        label={t("consultations.admin.fields.municipality")}
        hint={t("consultations.admin.form.municipalityHint")}
        value={values.municipality}
        error={message("municipality")}
        width={20}
        dir="ltr"
      />
      <Radios
        id="participation"
        name="participation"
        label={t("consultations.admin.fields.participation")}
        value={values.participation}
        error={message("participation")}
        items={(["signed_in", "identity_verified"] as const).map((p) => ({
          value: p,
          label: t(`consultations.admin.form.participation.${p}`),
        }))}
      />
      <fieldset class="sh-fieldset">
        <legend class="sh-fieldset__legend sh-fieldset__legend--m">
          {t("consultations.admin.form.dates")}
        </legend>
        {date("opensAt", t("consultations.admin.fields.opensAt"))}
        {date("closesAt", t("consultations.admin.fields.closesAt"))}
        {date(
          "outcomeDueAt",
          t("consultations.admin.fields.outcomeDueAt"),
          t("consultations.admin.form.outcomeDueHint"),
        )}
      </fieldset>
      <ButtonGroup>
        <Button>
          {creating ? t("consultations.admin.form.create") : t("consultations.admin.form.save")}
        </Button>
        <a
          class="sh-link"
          href={href(creating ? "/admin/consultations" : `/admin/consultations/${consultation.id}`)}
        >
          {t("consultations.admin.form.cancel")}
        </a>
      </ButtonGroup>
    </Form>
  );
  if (creating)
    return (
      <AdminLayout title={t("consultations.admin.form.createTitle")} section="consultations">
        <Breadcrumbs
          items={[
            { text: t("admin.nav.home"), href: href("/admin") },
            { text: t("consultations.admin.list.title"), href: href("/admin/consultations") },
            { text: t("consultations.admin.form.createTitle") },
          ]}
        />
        <Summary />
        <h1 class="sh-heading-xl">{t("consultations.admin.form.createTitle")}</h1>
        {form}
      </AdminLayout>
    );
  return (
    <ConsultationAdminFrame c={consultation} tab="edit" title={t("consultations.admin.tabs.edit")}>
      <Summary />
      <h1 class="sh-heading-xl">{t("consultations.admin.form.editTitle")}</h1>
      {form}
    </ConsultationAdminFrame>
  );
}
