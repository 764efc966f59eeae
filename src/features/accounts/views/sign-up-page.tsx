import type { FieldErrors } from "../../../core/forms.js";
import { PASSWORD_MIN } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { EidSignInButton } from "../../eid/views/eid-button.js";
import type { SignUpField, SignUpInput } from "../commands/register-account.js";
import { CredentialFields } from "./credential-fields.js";

const IDS: Record<SignUpField, string> = {
  displayName: "display-name",
  email: "email",
  password: "password",
  phone: "phone",
  terms: "terms",
};

export function SignUpPage({
  values = {},
  errors,
}: {
  values?: SignUpInput;
  errors?: FieldErrors<SignUpField>;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, IDS);
  return (
    <Layout title={t("accounts.signUp.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("accounts.signUp.title")}</h1>
      <p class="sh-body-text">{t("accounts.signUp.lead")}</p>
      <Form action="/sign-up">
        <TextInput
          id={IDS.displayName}
          name="displayName"
          label={t("accounts.fields.displayName")}
          hint={t("accounts.fields.displayNameHint")}
          value={values.displayName}
          autocomplete="name"
          error={message("displayName")}
        />
        <CredentialFields
          email={values.email}
          emailAutocomplete="email"
          passwordAutocomplete="new-password"
          passwordHint={t("accounts.fields.passwordHint", { min: PASSWORD_MIN })}
          message={message}
        />
        <TextInput
          id={IDS.phone}
          name="phone"
          type="tel"
          label={t("accounts.fields.phoneOptional")}
          hint={t("accounts.fields.phoneHint")}
          value={values.phone}
          autocomplete="tel"
          width={20}
          error={message("phone")}
          dir="ltr"
        />
        <TermsCheckbox id={IDS.terms} checked={values.terms === "yes"} error={message("terms")} />
        <Button>{t("accounts.signUp.submit")}</Button>
      </Form>
      <HaveAccount />
    </Layout>
  );
}

/**
 * The acceptance of the terms of use and the personal-data notice, with links to both: the same words
 * wherever a person accepts them (the sign-up form, the e-ID's acceptance step). Posts `terms=yes`.
 */
export function TermsCheckbox({ id, checked, error }: { id: string; checked: boolean; error?: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <Checkboxes
      id={id}
      name="terms"
      label={t("accounts.signUp.termsLegend")}
      hint={t("accounts.signUp.termsHint")}
      items={[
        {
          value: "yes",
          label: t("accounts.signUp.termsLabel"),
          hint: (
            <>
              <a class="sh-link" href={href("/legal/terms")} target="_blank" rel="noopener">
                {t("accounts.signUp.termsLink")}
              </a>
              {" · "}
              <a class="sh-link" href={href("/legal/privacy")} target="_blank" rel="noopener">
                {t("accounts.signUp.privacyLink")}
              </a>
            </>
          ),
        },
      ]}
      values={checked ? ["yes"] : []}
      error={error}
    />
  );
}

/** "Already have an account? Sign in", under the sign-up form or where it used to be. */
function HaveAccount() {
  const { t } = usePage();
  const href = useHref();
  return (
    <p class="sh-body-text">
      {t("accounts.signUp.haveAccount")}{" "}
      <a class="sh-link" href={href("/sign-in")}>
        {t("accounts.signIn.title")}
      </a>
    </p>
  );
}

/**
 * Sign-up closed by a platform admin: the form is gone. The e-ID stays open to everyone, so a person
 * can still get an account (and file requests signed in) through it when it is configured.
 */
export function SignUpClosedPage({ eid }: { eid: { configured: boolean; name: string } }) {
  const { t } = usePage();
  return (
    <Layout title={t("accounts.signUp.closedTitle")} width="narrow">
      <h1 class="sh-heading-xl">{t("accounts.signUp.closedTitle")}</h1>
      <p class="sh-body-text">{t("accounts.signUp.closedBody")}</p>
      {eid.configured && <p class="sh-body-text">{t("accounts.signUp.closedEid", { name: eid.name })}</p>}
      <EidSignInButton configured={eid.configured} name={eid.name} />
      <HaveAccount />
    </Layout>
  );
}

/** Shown after sign-up and after asking for a reset link: the same words whether or not an account exists. */
export function CheckMailPage({ email, kind }: { email: string; kind: "signUp" | "reset" | "changeEmail" }) {
  const { t } = usePage();
  return (
    <Layout title={t("accounts.checkMail.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("accounts.checkMail.title")}</h1>
      <p class="sh-body-text">{t(`accounts.checkMail.${kind}`, { email })}</p>
      <p class="sh-body-text sh-hint">{t("accounts.checkMail.spam")}</p>
    </Layout>
  );
}
