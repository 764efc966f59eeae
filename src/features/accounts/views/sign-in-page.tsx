import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Problem } from "../../../core/views/problem.js";
import { EidSignInButton } from "../../eid/views/eid-button.js";
import { CredentialFields } from "./credential-fields.js";

export type SignInField = "email" | "password";
const IDS: Record<SignInField, string> = { email: "email", password: "password" };

export interface SignInPageProps {
  next: string;
  values?: { email?: string; remember?: string };
  errors?: FieldErrors<SignInField>;
  /** Shown instead of field errors when the address is locked for a while. */
  waitSeconds?: number;
  /** The address still needs verifying: offer to send the link again. */
  unverifiedEmail?: string;
  /** The national e-ID sign-in, when configured. */
  eid: { configured: boolean; name: string };
}

export function SignInPage({
  next,
  values = {},
  errors,
  waitSeconds,
  unverifiedEmail,
  eid,
}: SignInPageProps) {
  const { t } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, IDS);
  return (
    <Layout title={t("accounts.signIn.title")} width="narrow">
      <Summary />
      {waitSeconds !== undefined && (
        <Problem id="throttled" title={t("accounts.signIn.throttledTitle")}>
          <p class="sh-body-text">{t("accounts.signIn.throttled", { seconds: waitSeconds })}</p>
        </Problem>
      )}
      {unverifiedEmail && (
        <Problem id="unverified" title={t("accounts.signIn.unverifiedTitle")}>
          <p class="sh-body-text">{t("accounts.signIn.unverified", { email: unverifiedEmail })}</p>
        </Problem>
      )}
      <h1 class="sh-heading-xl">{t("accounts.signIn.title")}</h1>
      <EidSignInButton configured={eid.configured} name={eid.name} next={next} />
      <Form action="/sign-in">
        <input type="hidden" name="next" value={next} />
        <CredentialFields
          email={values.email}
          emailAutocomplete="username"
          passwordAutocomplete="current-password"
          message={message}
        />
        <Checkboxes
          id="remember"
          name="remember"
          label={t("accounts.signIn.rememberLegend")}
          items={[
            { value: "yes", label: t("accounts.signIn.remember"), hint: t("accounts.signIn.rememberHint") },
          ]}
          values={values.remember ? [values.remember] : []}
        />
        <Button>{t("accounts.signIn.submit")}</Button>
      </Form>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href={href("/forgot-password")}>
            {t("accounts.signIn.forgot")}
          </a>
        </li>
        <li>
          <a class="sh-link" href={href("/sign-up")}>
            {t("accounts.signIn.noAccount")}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
