import type { FieldErrors } from "../../../../core/forms.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { boundFields } from "../../../../core/views/bound-fields.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import { AdminLayout } from "../../../admin/views/admin-layout.js";
import type { StructureField } from "../../commands/create-structure.js";
import { ADDRESS_MAX, NAME_MAX, STRUCTURE_KINDS, SUMMARY_MAX } from "../../commands/structure-fields.js";
import type { StructureSummary } from "../../queries.js";

export type StructureValues = Partial<Record<StructureField, string>>;

const FIELDS: StructureField[] = [
  "code",
  "kind",
  "parentId",
  "governorateCode",
  "nameAr",
  "nameFr",
  "nameEn",
  "summaryAr",
  "summaryFr",
  "summaryEn",
  "addressAr",
  "addressFr",
  "addressEn",
  "phone",
  "email",
  "website",
];

export interface StructureFormPageProps {
  /** Absent when creating. */
  structure?: { id: string; name: LocalizedText };
  /** full: every field; details: summary and contact only (a structure's own admins). */
  scope: "full" | "details";
  values: StructureValues;
  errors?: FieldErrors<StructureField>;
  /** Active structures to choose a parent from (creation only). */
  parentOptions?: StructureSummary[];
  governorates: Array<{ code: string; name: LocalizedText }>;
}

/** Creates a structure, or edits one (every field, or only what its own admins may change). */
export function StructureFormPage(props: StructureFormPageProps) {
  const { structure, scope, values, errors, parentOptions, governorates } = props;
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<StructureField, string>;
  const { message, Summary } = useFieldErrors(errors, ids);
  const creating = !structure;
  const title = creating
    ? t("structures.admin.form.createTitle")
    : t("structures.admin.form.editTitle", { name: plain(structure.name) });
  const bound = boundFields(values, message);
  const text = bound.text;
  const area = (field: StructureField, label: string) =>
    bound.area(field, label, { maxLength: SUMMARY_MAX, rows: 4 });
  return (
    <AdminLayout title={title} section="structures">
      <Breadcrumbs
        items={[
          { text: t("structures.admin.list.title"), href: href("/admin/structures") },
          ...(structure
            ? [{ text: plain(structure.name), href: href(`/admin/structures/${structure.id}`) }]
            : []),
          { text: creating ? t("structures.admin.form.createTitle") : t("structures.admin.actions.edit") },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <Form action={creating ? "/admin/structures/new" : `/admin/structures/${structure.id}/edit`}>
        {scope === "full" && (
          <fieldset class="sh-fieldset">
            <legend class="sh-fieldset__legend sh-fieldset__legend--m">
              {t("structures.admin.form.identity")}
            </legend>
            {creating &&
              text("code", t("structures.admin.fields.code"), {
                hint: t("structures.admin.form.codeHint"),
                dir: "ltr",
                spellcheck: false,
                width: 20,
              })}
            <Select
              id="kind"
              name="kind"
              label={t("structures.admin.fields.kind")}
              value={values.kind}
              error={message("kind")}
              options={[
                { value: "", text: t("structures.admin.form.choose") },
                ...STRUCTURE_KINDS.map((k) => ({ value: k, text: t(`structures.kind.${k}`) })),
              ]}
            />
            {creating && (
              <Select
                id="parentId"
                name="parentId"
                label={t("structures.admin.fields.parent")}
                hint={t("structures.admin.form.parentHint")}
                value={values.parentId}
                error={message("parentId")}
                options={[
                  { value: "", text: t("structures.admin.form.noParent") },
                  ...(parentOptions ?? []).map((p) => ({
                    value: p.id,
                    text: `${plain(p.name)} (${p.code})`,
                  })),
                ]}
              />
            )}
            <Select
              id="governorateCode"
              name="governorateCode"
              label={t("structures.admin.fields.governorate")}
              value={values.governorateCode}
              error={message("governorateCode")}
              options={[
                { value: "", text: t("structures.admin.form.national") },
                ...governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
              ]}
            />
          </fieldset>
        )}
        {scope === "full" && (
          <fieldset class="sh-fieldset">
            <legend class="sh-fieldset__legend sh-fieldset__legend--m">
              {t("structures.admin.form.names")}
            </legend>
            <p class="sh-hint">{t("structures.admin.form.namesHint", { max: NAME_MAX })}</p>
            {text("nameAr", t("structures.admin.fields.nameAr"), { dir: "rtl" })}
            {text("nameFr", t("structures.admin.fields.nameFr"), { dir: "ltr" })}
            {text("nameEn", t("structures.admin.fields.nameEn"), { dir: "ltr" })}
          </fieldset>
        )}
        <fieldset class="sh-fieldset">
          <legend class="sh-fieldset__legend sh-fieldset__legend--m">
            {t("structures.admin.form.summary")}
          </legend>
          {area("summaryAr", t("structures.admin.fields.summaryAr"))}
          {area("summaryFr", t("structures.admin.fields.summaryFr"))}
          {area("summaryEn", t("structures.admin.fields.summaryEn"))}
        </fieldset>
        <fieldset class="sh-fieldset">
          <legend class="sh-fieldset__legend sh-fieldset__legend--m">
            {t("structures.admin.form.contact")}
          </legend>
          <p class="sh-hint">{t("structures.admin.form.contactHint", { max: ADDRESS_MAX })}</p>
          {text("addressAr", t("structures.admin.fields.addressAr"), { dir: "rtl" })}
          {text("addressFr", t("structures.admin.fields.addressFr"), { dir: "ltr" })}
          {text("addressEn", t("structures.admin.fields.addressEn"), { dir: "ltr" })}
          {text("phone", t("structures.admin.fields.phone"), {
            type: "tel",
            hint: t("structures.admin.form.phoneHint"),
            dir: "ltr",
            width: 20,
          })}
          {text("email", t("structures.admin.fields.email"), { type: "email", width: 30 })}
          {text("website", t("structures.admin.fields.website"), {
            type: "url",
            hint: t("structures.admin.form.websiteHint"),
          })}
        </fieldset>
        <ButtonGroup>
          <Button>{creating ? t("structures.admin.form.create") : t("structures.admin.form.save")}</Button>
          <a
            class="sh-link"
            href={href(structure ? `/admin/structures/${structure.id}` : "/admin/structures")}
          >
            {t("structures.admin.form.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
