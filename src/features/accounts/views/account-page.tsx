import type { Account } from "../../../core/auth/plugin.js";
import type { FieldErrors } from "../../../core/forms.js";
import { PASSWORD_MIN } from "../../../core/forms.js";
import { formatDate } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { EmailInput, TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Reference } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";

type Field = "email" | "currentPassword" | "newPassword" | "emailPassword";
const IDS: Record<Field, string> = {
  email: "new-email",
  emailPassword: "email-current-password",
  currentPassword: "current-password",
  newPassword: "new-password",
};

export interface AccountPageProps {
  account: Account;
  values?: { email?: string };
  errors?: FieldErrors<Field>;
}

/** "Your account": who you are here, your address and password, and links to the rest. */
export function AccountPage({ account, values = {}, errors }: AccountPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, IDS);
  return (
    <Layout title={t("accounts.account.title")}>
      <Summary />
      <h1 class="sh-heading-xl">{t("accounts.account.title")}</h1>
      <SummaryList>
        <SummaryRow label={t("accounts.fields.displayName")} userText>
          {account.displayName}
        </SummaryRow>
        <SummaryRow label={t("accounts.fields.email")}>
          <Reference>{account.email}</Reference>
        </SummaryRow>
        <SummaryRow label={t("accounts.account.identity")}>
          {account.identityVerifiedAt ? (
            <StatusTag tone="success">
              {t("accounts.account.identityVerified", {
                date: formatDate(account.identityVerifiedAt, locale),
              })}
            </StatusTag>
          ) : (
            <StatusTag tone="neutral">{t("accounts.account.identityNotVerified")}</StatusTag>
          )}
        </SummaryRow>
        <SummaryRow label={t("accounts.account.twoFactor")}>
          {account.totpEnabledAt ? t("accounts.account.twoFactorOn") : t("accounts.account.twoFactorOff")}{" "}
          <a class="sh-link" href={href("/account/two-factor")}>
            {t("accounts.account.twoFactorManage")}
          </a>
        </SummaryRow>
      </SummaryList>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href={href("/account/sessions")}>
            {t("accounts.sessions.title")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href("/account/phone")}>
            {t("accounts.phone.title")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href("/account/profile")}>
            {t("accounts.profile.title")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href("/account/data")}>
            {t("accounts.data.title")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href("/account/delete")}>
            {t("accounts.delete.title")}
          </a>
        </li>
      </ul>

      <h2 class="sh-heading-l">{t("accounts.account.changeEmail")}</h2>
      <Form action="/account/email">
        <EmailInput
          id={IDS.email}
          name="email"
          label={t("accounts.fields.newEmail")}
          value={values.email}
          autocomplete="email"
          error={message("email")}
        />
        {account.passwordHash && (
          <TextInput
            id={IDS.emailPassword}
            name="currentPassword"
            type="password"
            label={t("accounts.fields.currentPassword")}
            autocomplete="current-password"
            error={message("emailPassword")}
          />
        )}
        <Button variant="secondary">{t("accounts.account.changeEmailSubmit")}</Button>
      </Form>

      {account.passwordHash && (
        <>
          <h2 class="sh-heading-l">{t("accounts.account.changePassword")}</h2>
          <Form action="/account/password">
            <TextInput
              id={IDS.currentPassword}
              name="currentPassword"
              type="password"
              label={t("accounts.fields.currentPassword")}
              autocomplete="current-password"
              error={message("currentPassword")}
            />
            <TextInput
              id={IDS.newPassword}
              name="newPassword"
              type="password"
              label={t("accounts.fields.newPassword")}
              hint={t("accounts.fields.passwordHint", { min: PASSWORD_MIN })}
              autocomplete="new-password"
              error={message("newPassword")}
            />
            <Button variant="secondary">{t("accounts.account.changePasswordSubmit")}</Button>
          </Form>
        </>
      )}

      <h2 class="sh-heading-l">{t("accounts.signOut.title")}</h2>
      <Form action="/sign-out">
        <Button variant="secondary">{t("accounts.signOut.submit")}</Button>
      </Form>
    </Layout>
  );
}
