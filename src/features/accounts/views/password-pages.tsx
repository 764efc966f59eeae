import type { FieldErrors } from "../../../core/forms.js";
import { PASSWORD_MIN } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmailInput, TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";

export function ForgotPasswordPage({ email, errors }: { email?: string; errors?: FieldErrors<"email"> }) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { email: "email" });
  return (
    <Layout title={t("accounts.forgot.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("accounts.forgot.title")}</h1>
      <p class="sh-body-text">{t("accounts.forgot.lead")}</p>
      <Form action="/forgot-password">
        <EmailInput
          name="email"
          label={t("accounts.fields.email")}
          value={email}
          autocomplete="email"
          error={message("email")}
        />
        <Button>{t("accounts.forgot.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage({ token, errors }: { token: string; errors?: FieldErrors<"password"> }) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { password: "password" });
  return (
    <Layout title={t("accounts.reset.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("accounts.reset.title")}</h1>
      <p class="sh-body-text">{t("accounts.reset.lead")}</p>
      <Form action={`/reset-password/${token}`}>
        <TextInput
          id="password"
          name="password"
          type="password"
          label={t("accounts.fields.newPassword")}
          hint={t("accounts.fields.passwordHint", { min: PASSWORD_MIN })}
          autocomplete="new-password"
          error={message("password")}
        />
        <Button>{t("accounts.reset.submit")}</Button>
      </Form>
    </Layout>
  );
}

/** A mailed link that is unknown, already used or expired. Answered 410 so nothing caches it as valid. */
export function LinkExpiredPage({ retry }: { retry: "/forgot-password" | "/sign-in" | "/account" }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <Layout title={t("accounts.linkExpired.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("accounts.linkExpired.title")}</h1>
      <p class="sh-body-text">{t("accounts.linkExpired.body")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={href(retry)}>
          {t(`accounts.linkExpired.retry.${retry.slice(1)}`)}
        </a>
      </p>
    </Layout>
  );
}

/** A mailed link's landing page: a button, so mail scanners that fetch links do not spend it. */
export function ConfirmLinkPage({ action, title, body }: { action: string; title: string; body: string }) {
  return (
    <Layout title={title} width="narrow">
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{body}</p>
      <Form action={action}>
        <Button>{title}</Button>
      </Form>
    </Layout>
  );
}
