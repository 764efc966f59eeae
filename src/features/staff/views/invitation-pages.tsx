import type { FieldErrors } from "../../../core/forms.js";
import { PASSWORD_MIN } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import type { AcceptField, AcceptInput } from "../commands/accept-invitation.js";

export type InvitationState = "set_password" | "accept" | "sign_in" | "other_account";

export interface InvitationPageProps {
  token: string;
  /** The role offered, in words ("Agent", "Platform admin"). */
  role: string;
  /** The structure's name, for a role in a structure. */
  structure: string | null;
  email: string;
  state: InvitationState;
  values: AcceptInput;
  errors?: FieldErrors<AcceptField>;
}

/** Where an invitation link leads: what is offered, and what the invitee must do to accept it. */
export function InvitationPage({
  token,
  role,
  structure,
  email,
  state,
  values,
  errors,
}: InvitationPageProps) {
  const { t } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, { displayName: "displayName", password: "password" });
  const self = `/invitations/${token}`;
  return (
    <Layout title={t("staff.invitation.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("staff.invitation.title")}</h1>
      <p class="sh-lead">{t("staff.invitation.offer")}</p>
      <p class="sh-body-text">
        <strong>{t("staff.invitation.roleLine", { role })}</strong>
        {structure && (
          <>
            <br />
            <strong>{t("staff.invitation.structureLine", { structure })}</strong>
          </>
        )}
      </p>
      <p class="sh-body-text">
        {t("staff.invitation.forEmail")} <strong dir="ltr">{email}</strong>
      </p>
      <p class="sh-body-text">{t("staff.invitation.totpNotice")}</p>
      {state === "set_password" && (
        <Form action={self}>
          <TextInput
            id="displayName"
            name="displayName"
            label={t("staff.invitation.name")}
            hint={t("staff.invitation.nameHint")}
            value={values.displayName}
            error={message("displayName")}
            autocomplete="name"
          />
          <TextInput
            id="password"
            name="password"
            type="password"
            label={t("staff.invitation.password")}
            hint={t("staff.invitation.passwordHint", { min: PASSWORD_MIN })}
            error={message("password")}
            autocomplete="new-password"
          />
          <Button>{t("staff.invitation.accept")}</Button>
        </Form>
      )}
      {state === "accept" && (
        <Form action={self}>
          <Button>{t("staff.invitation.accept")}</Button>
        </Form>
      )}
      {state === "sign_in" && (
        <>
          <p class="sh-body-text">{t("staff.invitation.signInFirst")}</p>
          <Button href={`${href("/sign-in")}?next=${encodeURIComponent(href(self))}`}>
            {t("staff.invitation.signIn")}
          </Button>
        </>
      )}
      {state === "other_account" && <p class="sh-body-text">{t("staff.invitation.otherAccount")}</p>}
    </Layout>
  );
}

/** A used, cancelled, expired or unknown invitation link. */
export function InvalidInvitationPage() {
  const { t } = usePage();
  return (
    <Layout title={t("staff.invitation.invalidTitle")} width="narrow">
      <h1 class="sh-heading-xl">{t("staff.invitation.invalidTitle")}</h1>
      <p class="sh-body-text">{t("staff.invitation.invalidBody")}</p>
    </Layout>
  );
}
