import type { Account } from "../../../core/auth/plugin.js";
import type { FieldErrors } from "../../../core/forms.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";

/** The account's phone number and its check by a code sent by SMS. */
export function PhonePage({
  account,
  verified,
  codeSent,
  errors,
}: {
  account: Account;
  verified: boolean;
  codeSent: boolean;
  errors?: FieldErrors<"code">;
}) {
  const { t } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, { code: "code" });
  return (
    <Layout title={t("accounts.phone.title")}>
      <Breadcrumbs
        items={[
          { text: t("accounts.account.title"), href: href("/account") },
          { text: t("accounts.phone.title") },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{t("accounts.phone.title")}</h1>
      {!account.phone ? (
        <p class="sh-body-text">{t("accounts.phone.noPhone")}</p>
      ) : (
        <>
          <p class="sh-body-text">
            <span dir="ltr">{account.phone}</span>{" "}
            <StatusTag tone={verified ? "success" : "warning"}>
              {t(verified ? "accounts.phone.verified" : "accounts.phone.unverified")}
            </StatusTag>
          </p>
          {!verified && (
            <>
              <p class="sh-body-text">{t("accounts.phone.lead")}</p>
              <Form action="/account/phone/code">
                <Button variant={codeSent ? "secondary" : "primary"}>
                  {t(codeSent ? "accounts.phone.resend" : "accounts.phone.send")}
                </Button>
              </Form>
              {codeSent && (
                <Form action="/account/phone/verify">
                  <TextInput
                    id="code"
                    name="code"
                    label={t("accounts.phone.code")}
                    hint={t("accounts.phone.codeHint")}
                    autocomplete="one-time-code"
                    inputMode="numeric"
                    width={5}
                    dir="ltr"
                    error={message("code")}
                  />
                  <Button>{t("accounts.phone.confirm")}</Button>
                </Form>
              )}
            </>
          )}
        </>
      )}
    </Layout>
  );
}
