import { formatDate } from "../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { MembershipRow, StructureOption } from "../queries.js";
import { structureOptions } from "./structure-options.js";

export interface InvitationRow {
  id: string;
  email: string | null;
  name: string;
  role: string;
  structureName: LocalizedText | null;
  invitedBy: string | null;
  expiresAt: Date;
  canCancel: boolean;
}

export interface StaffPageProps {
  structures: StructureOption[];
  /** The structure the list is narrowed to, if any. */
  structureId: string | null;
  memberships: Array<MembershipRow & { canRevoke: boolean }>;
  page: number;
  totalPages: number;
  invitations: InvitationRow[];
  canInvite: boolean;
  platformAdmin: boolean;
}

/** Who holds which role in the structures the actor manages, and who is invited. */
export function StaffPage(props: StaffPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const name = (text: LocalizedText) => {
    const picked = pickLocalized(text, locale);
    return <span lang={picked.lang === locale ? undefined : picked.lang}>{picked.text}</span>;
  };
  const inviteHref = href(`/admin/staff/invite${props.structureId ? `?structure=${props.structureId}` : ""}`);
  return (
    <AdminLayout title={t("staff.list.title")} section="staff">
      <h1 class="sh-heading-xl">{t("staff.list.title")}</h1>
      <p class="sh-lead">{t("staff.list.lead")}</p>
      <ButtonGroup>
        {props.canInvite && <Button href={inviteHref}>{t("staff.list.invite")}</Button>}
        {props.platformAdmin && (
          <Button variant="secondary" href={href("/admin/staff/platform-admins")}>
            {t("staff.admins.title")}
          </Button>
        )}
      </ButtonGroup>

      {props.structures.length > 1 && (
        <form method="get" action={href("/admin/staff")} class="sh-filters">
          <Select
            id="structure"
            name="structure"
            label={t("staff.list.filterStructure")}
            value={props.structureId ?? ""}
            options={[
              { value: "", text: t("staff.list.allStructures") },
              ...structureOptions(props.structures, locale),
            ]}
          />
          <Button variant="secondary">{t("staff.list.filter")}</Button>
        </form>
      )}

      {props.memberships.length === 0 ? (
        <EmptyState title={t("staff.list.emptyTitle")}>
          <p class="sh-body-text">{t("staff.list.emptyBody")}</p>
        </EmptyState>
      ) : (
        <Table
          id="memberships"
          caption={t("staff.list.membershipsCaption")}
          firstCellIsHeader
          head={[
            { text: t("staff.list.name") },
            { text: t("staff.list.email") },
            { text: t("staff.list.role") },
            { text: t("staff.list.structure") },
            { text: t("staff.list.since") },
            { text: t("staff.list.grantedBy") },
            { text: t("staff.list.actions") },
          ]}
          rows={props.memberships.map((m) => [
            m.name,
            <span dir="ltr" key="email">
              {m.email ?? t("staff.list.deletedAccount")}
            </span>,
            t(`staff.roles.${m.role}`),
            name(m.structureName),
            <time key="since" dateTime={m.since.toISOString()}>
              {formatDate(m.since, locale)}
            </time>,
            m.grantedBy ?? t("staff.list.system"),
            m.canRevoke ? (
              <a class="sh-link" href={href(`/admin/staff/memberships/${m.id}/revoke`)} key="revoke">
                {t("staff.list.revoke")}
                <span class="sh-visually-hidden"> {t("staff.list.revokeWhom", { name: m.name })}</span>
              </a>
            ) : (
              ""
            ),
          ])}
        />
      )}
      <Pagination page={props.page} totalPages={props.totalPages} />

      <h2 class="sh-heading-l">{t("staff.list.invitationsTitle")}</h2>
      {props.invitations.length === 0 ? (
        <p class="sh-body-text">{t("staff.list.noInvitations")}</p>
      ) : (
        <InvitationsTable invitations={props.invitations} />
      )}
    </AdminLayout>
  );
}

export function InvitationsTable({ invitations }: { invitations: InvitationRow[] }) {
  const { t, locale } = usePage();
  return (
    <Table
      id="invitations"
      caption={t("staff.list.invitationsCaption")}
      captionSize="s"
      head={[
        { text: t("staff.list.email") },
        { text: t("staff.list.name") },
        { text: t("staff.list.role") },
        { text: t("staff.list.structure") },
        { text: t("staff.list.invitedBy") },
        { text: t("staff.list.expires") },
        { text: t("staff.list.actions") },
      ]}
      rows={invitations.map((i) => [
        <span dir="ltr" key="email">
          {i.email}
        </span>,
        i.name,
        i.role === "platform_admin" ? t("staff.roles.platform_admin") : t(`staff.roles.${i.role}`),
        i.structureName ? pickLocalized(i.structureName, locale).text : t("staff.list.allStructures"),
        i.invitedBy ?? t("staff.list.system"),
        <time key="expires" dateTime={i.expiresAt.toISOString()}>
          {formatDate(i.expiresAt, locale)}
        </time>,
        i.canCancel ? (
          <Form action={`/admin/staff/invitations/${i.id}/cancel`} key="cancel">
            <Button variant="secondary">
              {t("staff.list.cancelInvitation")}
              <span class="sh-visually-hidden"> {t("staff.list.cancelFor", { email: i.email ?? "" })}</span>
            </Button>
          </Form>
        ) : (
          ""
        ),
      ])}
    />
  );
}
