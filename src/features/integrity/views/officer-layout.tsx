import type { ComponentChildren } from "preact";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { Table, type TableColumn } from "../../../core/views/components/table/table.js";
import { usePage } from "../../../core/views/context.js";
import { SectionLayout } from "../../../core/views/section-layout.js";

/** The officers' workspace: the reports queue and the keys. */
export function OfficerLayout({
  title,
  section,
  children,
}: {
  title: string;
  section: "queue" | "keys" | "colleagues";
  children: ComponentChildren;
}) {
  const { t } = usePage();
  return (
    <SectionLayout
      title={title}
      navLabel={t("integrity.officer.nav.label")}
      current={section}
      links={[
        { key: "queue", path: "/integrity/officer", text: t("integrity.officer.nav.queue") },
        { key: "keys", path: "/integrity/officer/unlock", text: t("integrity.officer.nav.keys") },
        {
          key: "colleagues",
          path: "/integrity/officer/colleagues",
          text: t("integrity.officer.nav.colleagues"),
        },
      ]}
    >
      {children}
    </SectionLayout>
  );
}

/** Shown to an officer whose appointment a colleague has not approved yet. */
export function AwaitingApproval() {
  const { t } = usePage();
  return (
    <NotificationBanner kind="info" id="awaiting-approval" title={t("integrity.officer.colleagues.awaiting")}>
      <p class="sh-body">{t("integrity.officer.colleagues.awaitingBody")}</p>
    </NotificationBanner>
  );
}

/** The workspace's lists: a table whose first cell heads each row, or the empty state. */
export function ListTable({
  id,
  empty,
  caption,
  head,
  rows,
}: {
  id: string;
  empty: string;
  caption: string;
  head: TableColumn[];
  rows: ComponentChildren[][];
}) {
  if (rows.length === 0) return <EmptyState title={empty} />;
  return <Table id={id} caption={caption} head={head} rows={rows} firstCellIsHeader />;
}
