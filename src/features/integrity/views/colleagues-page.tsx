import { pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Reference } from "../../../core/views/components/user-text/user-text.js";
import { usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import type { PendingColleague } from "../appointments.js";
import { AwaitingApproval, ListTable, OfficerLayout } from "./officer-layout.js";
import { Day } from "./parts.js";

/** Colleagues appointed to the officer's units, waiting for an officer's approval before any key reaches them. */
export function ColleaguesPage({
  pending,
  awaitingApproval,
}: {
  pending: PendingColleague[];
  awaitingApproval: boolean;
}) {
  const { t, locale } = usePage();
  return (
    <OfficerLayout title={t("integrity.officer.colleagues.title")} section="colleagues">
      {awaitingApproval && <AwaitingApproval />}
      <h1 class="sh-heading-xl">{t("integrity.officer.colleagues.title")}</h1>
      <p class="sh-lead">{t("integrity.officer.colleagues.lead")}</p>
      <ListTable
        empty={t("integrity.officer.colleagues.empty")}
        id="integrity-colleagues"
        caption={t("integrity.officer.colleagues.caption", { count: pending.length })}
        head={[
          { text: t("integrity.officer.colleagues.name") },
          { text: t("integrity.labels.addressedTo") },
          { text: t("integrity.officer.colleagues.appointed") },
          { text: t("integrity.officer.colleagues.action") },
        ]}
        rows={pending.map((c) => [
          <span key="name">
            {c.name}
            {c.email && (
              <>
                {" · "}
                <Reference>{c.email}</Reference>
              </>
            )}
          </span>,
          pickLocalized(c.structureName, locale).text,
          <Day key="appointed" day={c.appointedOn} />,
          <Form key="approve" action={`/integrity/officer/colleagues/${c.membershipId}/approve`}>
            <Button variant="secondary">{t("integrity.officer.colleagues.approve", { name: c.name })}</Button>
          </Form>,
        ])}
      />
    </OfficerLayout>
  );
}
