import { EmailInput, TextInput } from "../../../core/views/components/text-input/text-input.js";
import { usePage } from "../../../core/views/context.js";

/**
 * The e-mail and password inputs of the sign-in and sign-up forms. Their `autocomplete` differs
 * (an existing "username" and "current-password", or a "new-password"), so password managers offer
 * the right thing.
 */
export function CredentialFields(props: {
  email?: string;
  emailAutocomplete: "username" | "email";
  passwordAutocomplete: "current-password" | "new-password";
  passwordHint?: string;
  message: (field: "email" | "password") => string | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <EmailInput
        name="email"
        label={t("accounts.fields.email")}
        value={props.email}
        autocomplete={props.emailAutocomplete}
        error={props.message("email")}
      />
      <TextInput
        id="password"
        name="password"
        type="password"
        label={t("accounts.fields.password")}
        hint={props.passwordHint}
        autocomplete={props.passwordAutocomplete}
        error={props.message("password")}
      />
    </>
  );
}
