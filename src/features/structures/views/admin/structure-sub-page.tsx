import type { ComponentChildren } from "preact";
import { Breadcrumbs } from "../../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { ButtonGroup } from "../../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import { AdminLayout } from "../../../admin/views/admin-layout.js";
import type { Structure } from "../../queries.js";

/**
 * A page about one structure in the back office (move, retire, its categories): the breadcrumbs
 * down to the structure and then `crumbs`, the error summary, the heading and an optional lead.
 */
export function StructureSubPage(props: {
  structure: Structure;
  title: string;
  crumbs: Array<{ text: string; href?: string }>;
  lead?: string;
  Summary: () => ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { structure, Summary } = props;
  return (
    <AdminLayout title={props.title} section="structures">
      <Breadcrumbs
        items={[
          { text: t("structures.admin.list.title"), href: href("/admin/structures") },
          { text: plain(structure.name), href: href(`/admin/structures/${structure.id}`) },
          ...props.crumbs,
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{props.title}</h1>
      {props.lead && <p class="sh-body-text">{props.lead}</p>}
      {props.children}
    </AdminLayout>
  );
}

/**
 * A one-field form about the structure (move it, retire it): the page, the form posting to
 * `/admin/structures/:id/<action>`, its submit button and a way back to the structure.
 */
export function StructureActionPage(props: {
  structure: Structure;
  action: "move" | "retire";
  Summary: () => ComponentChildren;
  submit: ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { structure, action } = props;
  return (
    <StructureSubPage
      structure={structure}
      title={t(`structures.admin.${action}.title`, { name: plain(structure.name) })}
      crumbs={[{ text: t(`structures.admin.actions.${action}`) }]}
      lead={t(`structures.admin.${action}.lead`)}
      Summary={props.Summary}
    >
      <Form action={`/admin/structures/${structure.id}/${action}`}>
        {props.children}
        <ButtonGroup>
          {props.submit}
          <a class="sh-link" href={href(`/admin/structures/${structure.id}`)}>
            {t("structures.admin.form.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </StructureSubPage>
  );
}
