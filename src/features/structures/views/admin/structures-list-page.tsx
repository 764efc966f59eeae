import { Button } from "../../../../core/views/components/button/button.js";
import { EmptyState } from "../../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../../core/views/components/table/table.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Localized } from "../../../../core/views/localized-text.js";
import { AdminLayout } from "../../../admin/views/admin-layout.js";
import { STRUCTURE_KINDS } from "../../commands/structure-fields.js";
import type { Page, StructureSummary } from "../../queries.js";

export interface StructuresListPageProps {
  canCreate: boolean;
  q: string;
  kind: string;
  result: Page<StructureSummary>;
}

/** The admin list of structures: every one for platform admins, their own for structure admins. */
export function StructuresListPage({ canCreate, q, kind, result }: StructuresListPageProps) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("structures.admin.list.title")} section="structures">
      <h1 class="sh-heading-xl">{t("structures.admin.list.title")}</h1>
      {canCreate && <Button href={href("/admin/structures/new")}>{t("structures.admin.list.create")}</Button>}
      <search>
        <form method="get" action={href("/admin/structures")} class="sh-directory-search">
          <TextInput
            id="q"
            name="q"
            type="search"
            value={q}
            label={t("structures.admin.list.searchLabel")}
            width={20}
          />
          <Select
            id="kind"
            name="kind"
            label={t("structures.admin.list.kindLabel")}
            value={kind}
            options={[
              { value: "", text: t("structures.admin.list.allKinds") },
              ...STRUCTURE_KINDS.map((k) => ({ value: k, text: t(`structures.kind.${k}`) })),
            ]}
          />
          <Button variant="secondary">{t("structures.admin.list.filter")}</Button>
        </form>
      </search>
      {result.total === 0 ? (
        <EmptyState title={t("structures.admin.list.emptyTitle")}>
          <p class="sh-body-text">{t("structures.admin.list.emptyText")}</p>
        </EmptyState>
      ) : (
        <Table
          id="structures"
          caption={t("structures.admin.list.caption", { count: result.total })}
          head={[
            { text: t("structures.admin.fields.name") },
            { text: t("structures.admin.fields.code") },
            { text: t("structures.admin.fields.kind") },
            { text: t("structures.admin.fields.status") },
          ]}
          firstCellIsHeader
          rows={result.rows.map((s) => [
            <a key="name" class="sh-link" href={href(`/admin/structures/${s.id}`)}>
              <UserText>
                <Localized text={s.name} />
              </UserText>
            </a>,
            <code key="code" dir="ltr">
              {s.code}
            </code>,
            t(`structures.kind.${s.kind}`),
            s.retiredAt ? (
              <StatusTag key="status" tone="neutral">
                {t("structures.admin.status.retired")}
              </StatusTag>
            ) : (
              <StatusTag key="status" tone="success">
                {t("structures.admin.status.active")}
              </StatusTag>
            ),
          ])}
        />
      )}
      <Pagination page={result.page} totalPages={result.totalPages} />
    </AdminLayout>
  );
}
