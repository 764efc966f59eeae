import type { FieldErrors } from "../../../../core/forms.js";
import { LOCALES, type LocalizedText } from "../../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Localized, usePlainName } from "../../../../core/views/localized-text.js";
import { LIMITS } from "../../rules.js";
import type { TemplateField } from "../commands/save-template.js";
import { PLACEHOLDERS, type ResponseTemplate } from "../templates.js";
import { StaffLayout, type StaffNav } from "./staff-layout.js";
import { StructureSwitch } from "./structure-switch.js";

interface Choice {
  id: string;
  name: LocalizedText;
}

export interface TemplatesPageProps {
  nav: StaffNav;
  structures: Choice[];
  structure: Choice;
  categories: Choice[];
  templates: Array<{ template: ResponseTemplate; categoryName: LocalizedText | null }>;
  values: Partial<Record<TemplateField, string>>;
  errors?: FieldErrors<TemplateField>;
}

/** The element each field's error links to: the template form's fields and the structure switch. */
const FIELD_IDS: Record<TemplateField, string> = {
  structure: "structure",
  category: "category",
  locale: "locale",
  title: "title",
  body: "body",
};

/** A structure's response templates and a form to add one (structure admins). */
export function TemplatesPage(props: TemplatesPageProps) {
  const { t } = usePage();
  const href = useHref();
  const _plain = usePlainName();
  const { Summary, message } = useFieldErrors(props.errors, FIELD_IDS);
  const title = t("cases.workspace.templates.title");
  return (
    <StaffLayout title={title} section="templates" nav={props.nav}>
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">{t("cases.workspace.templates.lead")}</p>
      <StructureSwitch
        path="/staff/templates"
        id="structure-switch"
        structures={props.structures}
        current={props.structure.id}
      />
      {props.templates.length === 0 ? (
        <EmptyState title={t("cases.workspace.templates.emptyTitle")}>
          <p class="sh-body-text">{t("cases.workspace.templates.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="templates"
          caption={t("cases.workspace.templates.caption", { count: props.templates.length })}
          head={[
            { text: t("cases.workspace.templates.fields.title") },
            { text: t("cases.workspace.fields.category") },
            { text: t("cases.workspace.templates.fields.locale") },
            { text: t("cases.workspace.templates.actions") },
          ]}
          firstCellIsHeader
          rows={props.templates.map(({ template, categoryName }) => [
            <UserText key="t">{template.title}</UserText>,
            categoryName ? (
              <UserText key="c">
                <Localized text={categoryName} />
              </UserText>
            ) : (
              t("cases.workspace.templates.allCategories")
            ),
            t(`cases.workspace.templates.locale.${template.locale}`),
            <div key="a" class="sh-button-group">
              <a class="sh-link" href={href(`/staff/templates/${template.id}`)}>
                {t("cases.workspace.templates.edit")}
                <span class="sh-visually-hidden">
                  {" "}
                  <UserText>{template.title}</UserText>
                </span>
              </a>
              <Form action={`/staff/templates/${template.id}/delete`}>
                <Button variant="warning">
                  {t("cases.workspace.templates.delete")}
                  <span class="sh-visually-hidden">
                    {" "}
                    <UserText>{template.title}</UserText>
                  </span>
                </Button>
              </Form>
            </div>,
          ])}
        />
      )}
      <h2 class="sh-heading-l">{t("cases.workspace.templates.addTitle")}</h2>
      <Form action="/staff/templates">
        <input type="hidden" name="structure" value={props.structure.id} />
        <TemplateFields categories={props.categories} values={props.values} message={message} />
        <Button>{t("cases.workspace.templates.add")}</Button>
      </Form>
    </StaffLayout>
  );
}

/** Editing one template. */
export function TemplateEditPage(props: {
  nav: StaffNav;
  template: ResponseTemplate;
  categories: Choice[];
  values: Partial<Record<TemplateField, string>>;
  errors?: FieldErrors<TemplateField>;
}) {
  const { t } = usePage();
  const href = useHref();
  const { Summary, message } = useFieldErrors(props.errors, FIELD_IDS);
  const title = t("cases.workspace.templates.editTitle", { title: props.template.title });
  return (
    <StaffLayout title={title} section="templates" nav={props.nav}>
      <Breadcrumbs
        items={[
          {
            text: t("cases.workspace.templates.title"),
            href: href(`/staff/templates?structure=${props.template.structureId}`),
          },
          { text: props.template.title },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      <Form action={`/staff/templates/${props.template.id}`}>
        <TemplateFields categories={props.categories} values={props.values} message={message} />
        <Button>{t("cases.workspace.templates.save")}</Button>
      </Form>
    </StaffLayout>
  );
}

function TemplateFields({
  categories,
  values,
  message,
}: {
  categories: Choice[];
  values: Partial<Record<TemplateField, string>>;
  message: (field: TemplateField) => string | undefined;
}) {
  const { t } = usePage();
  const plain = usePlainName();
  return (
    <>
      <TextInput
        id="title"
        name="title"
        label={t("cases.workspace.templates.fields.title")}
        value={values.title}
        error={message("title")}
      />
      <Select
        id="category"
        name="category"
        label={t("cases.workspace.fields.category")}
        value={values.category ?? ""}
        error={message("category")}
        options={[
          { value: "", text: t("cases.workspace.templates.allCategories") },
          ...categories.map((c) => ({ value: c.id, text: plain(c.name) })),
        ]}
      />
      <Select
        id="locale"
        name="locale"
        label={t("cases.workspace.templates.fields.locale")}
        value={values.locale ?? ""}
        error={message("locale")}
        options={[
          { value: "", text: t("cases.workspace.templates.chooseLocale") },
          ...LOCALES.map((l) => ({ value: l, text: t(`cases.workspace.templates.locale.${l}`) })),
        ]}
      />
      <Textarea
        id="body"
        name="body"
        label={t("cases.workspace.templates.fields.body")}
        hint={t("cases.workspace.templates.placeholders", {
          list: PLACEHOLDERS.map((p) => `{${p}}`).join(" "),
        })}
        value={values.body}
        error={message("body")}
        maxLength={LIMITS.reply}
        rows={8}
      />
    </>
  );
}
