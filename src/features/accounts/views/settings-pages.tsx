import type { Account } from "../../../core/auth/plugin.js";
import type { sessions } from "../../../core/auth/tables.js";
import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import type { DeleteField } from "../commands/delete-account.js";
import type { ProfileField, ProfileInput } from "../commands/save-profile.js";
import { ageBand, gender } from "../tables.js";

export function AccountCrumbs({ current }: { current: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <Breadcrumbs items={[{ text: t("accounts.account.title"), href: href("/account") }, { text: current }]} />
  );
}

export function SessionsPage({
  list,
  currentId,
}: {
  list: Array<typeof sessions.$inferSelect>;
  currentId: string;
}) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("accounts.sessions.title")}>
      <AccountCrumbs current={t("accounts.sessions.title")} />
      <h1 class="sh-heading-xl">{t("accounts.sessions.title")}</h1>
      <p class="sh-body-text">{t("accounts.sessions.lead")}</p>
      <Table
        id="sessions"
        caption={t("accounts.sessions.caption", { count: list.length })}
        head={[
          { text: t("accounts.sessions.device") },
          { text: t("accounts.sessions.started") },
          { text: t("accounts.sessions.lastSeen") },
          { text: t("accounts.sessions.action") },
        ]}
        rows={list.map((s) => [
          <>
            {s.device || t("accounts.sessions.unknownDevice")}
            {s.id === currentId && <strong> ({t("accounts.sessions.thisOne")})</strong>}
          </>,
          formatDateTime(s.createdAt, locale),
          formatDateTime(s.lastSeenAt, locale),
          <Form key={s.id} action={`/account/sessions/${s.id}/revoke`}>
            <Button variant={s.id === currentId ? "secondary" : "warning"}>
              {s.id === currentId ? t("accounts.signOut.submit") : t("accounts.sessions.revoke")}
            </Button>
          </Form>,
        ])}
      />
    </Layout>
  );
}

export function DeleteAccountPage({
  account,
  values = {},
  errors,
}: {
  account: Account;
  values?: { mode?: string };
  errors?: FieldErrors<DeleteField>;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { mode: "mode", confirm: "confirm" });
  return (
    <Layout title={t("accounts.delete.title")} width="narrow">
      <Summary />
      <AccountCrumbs current={t("accounts.delete.title")} />
      <h1 class="sh-heading-xl">{t("accounts.delete.title")}</h1>
      <p class="sh-body-text">{t("accounts.delete.lead")}</p>
      <Form action="/account/delete">
        <Radios
          id="mode"
          name="mode"
          label={t("accounts.delete.modeLegend")}
          value={values.mode}
          error={message("mode")}
          items={[
            {
              value: "anonymise",
              label: t("accounts.delete.anonymise"),
              hint: t("accounts.delete.anonymiseHint"),
            },
            { value: "remove", label: t("accounts.delete.remove"), hint: t("accounts.delete.removeHint") },
          ]}
        />
        {account.passwordHash ? (
          <TextInput
            id="confirm"
            name="confirm"
            type="password"
            label={t("accounts.fields.currentPassword")}
            autocomplete="current-password"
            error={message("confirm")}
          />
        ) : (
          <Checkboxes
            id="confirm"
            name="confirm"
            label={t("accounts.delete.confirmLegend")}
            items={[{ value: "yes", label: t("accounts.delete.confirmLabel") }]}
            error={message("confirm")}
          />
        )}
        <Button variant="warning">{t("accounts.delete.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function ProfilePage({
  governorates,
  values = {},
  errors,
  saved,
}: {
  governorates: Array<{ code: string; name: LocalizedText }>;
  values?: ProfileInput;
  errors?: FieldErrors<ProfileField>;
  saved: boolean;
}) {
  const { t, locale } = usePage();
  const { message, Summary } = useFieldErrors(errors, {
    consent: "consent",
    residence: "residence",
    ageBand: "age-band",
    gender: "gender",
  });
  const unanswered = { value: "", text: t("accounts.profile.noAnswer") };
  return (
    <Layout title={t("accounts.profile.title")} width="narrow">
      <Summary />
      <AccountCrumbs current={t("accounts.profile.title")} />
      <h1 class="sh-heading-xl">{t("accounts.profile.title")}</h1>
      <p class="sh-body-text">{t("accounts.profile.purpose")}</p>
      <p class="sh-body-text">{t("accounts.profile.rights")}</p>
      <Form action="/account/profile">
        <Select
          id="residence"
          name="residence"
          label={t("accounts.profile.residence")}
          value={values.residence}
          error={message("residence")}
          options={[
            unanswered,
            ...governorates.map((g) => ({ value: g.code, text: pickLocalized(g.name, locale).text })),
            { value: "abroad", text: t("accounts.profile.abroad") },
          ]}
        />
        <Select
          id="age-band"
          name="ageBand"
          label={t("accounts.profile.ageBand")}
          value={values.ageBand}
          error={message("ageBand")}
          options={[
            unanswered,
            ...ageBand.enumValues.map((v) => ({ value: v, text: t(`accounts.profile.ages.${v}`) })),
          ]}
        />
        <Select
          id="gender"
          name="gender"
          label={t("accounts.profile.gender")}
          value={values.gender}
          error={message("gender")}
          options={[
            unanswered,
            ...gender.enumValues.map((v) => ({ value: v, text: t(`accounts.profile.genders.${v}`) })),
          ]}
        />
        <Checkboxes
          id="consent"
          name="consent"
          label={t("accounts.profile.consentLegend")}
          items={[{ value: "yes", label: t("accounts.profile.consentLabel") }]}
          values={values.consent ? [values.consent] : []}
          error={message("consent")}
        />
        <Button>{t("accounts.profile.submit")}</Button>
      </Form>
      {saved && (
        <>
          <h2 class="sh-heading-l">{t("accounts.profile.withdrawTitle")}</h2>
          <p class="sh-body-text">{t("accounts.profile.withdrawLead")}</p>
          <Form action="/account/profile/delete">
            <Button variant="warning">{t("accounts.profile.withdraw")}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
