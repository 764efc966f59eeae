import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { TermsCheckbox } from "../../accounts/views/sign-up-page.js";

const IDS = { terms: "terms" };

export interface EidAcceptPageProps {
  /** The e-ID service's name (OIDC_NAME). */
  name: string;
  /** An account exists and is entered once the person accepts; otherwise one is created. */
  existingAccount: boolean;
  errors?: FieldErrors<"terms">;
}

/**
 * The acceptance step of an e-ID sign-in: the terms of use and the personal-data notice, with the
 * sign-up form's own checkbox. Accepting creates (or opens) the account; refusing creates nothing.
 */
export function EidAcceptPage({ name, existingAccount, errors }: EidAcceptPageProps) {
  const { t } = usePage();
  const { message } = useFieldErrors(errors, IDS);
  const kind = existingAccount ? "existing" : "new";
  return (
    <Layout title={t("eid.accept.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("eid.accept.title")}</h1>
      <p class="sh-body-text">{t(`eid.accept.lead.${kind}`, { name })}</p>
      <Form action="/sign-in/eid/accept">
        <TermsCheckbox id={IDS.terms} checked={false} error={message("terms")} />
        <Button>{t(`eid.accept.submit.${kind}`)}</Button>
      </Form>
      <Form action="/sign-in/eid/decline">
        <p class="sh-body-text">{t(`eid.accept.declineHint.${kind}`)}</p>
        <Button variant="secondary">{t("eid.accept.decline")}</Button>
      </Form>
    </Layout>
  );
}
