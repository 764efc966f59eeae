import type { FieldErrors } from "../../../core/forms.js";
import { formatDate } from "../../../core/i18n/format.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";

/** A Base32 secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** The code field; recovery codes hold letters, so only enrolment asks for a numeric keypad. */
function CodeField({ error, hint, numeric }: { error?: string; hint: string; numeric?: boolean }) {
  const { t } = usePage();
  return (
    <TextInput
      id="code"
      name="code"
      label={t("staff.twoFactor.codeLabel")}
      hint={hint}
      error={error}
      autocomplete="one-time-code"
      inputMode={numeric ? "numeric" : "text"}
      spellcheck={false}
      width={10}
      dir="ltr"
    />
  );
}

/** Enrolment: the QR code, the same secret for typing by hand, and a code to prove the app has it. */
export function TwoFactorEnrolPage({
  qr,
  secret,
  next,
  staff,
  errors,
}: {
  qr: string;
  secret: string;
  next: string;
  staff: boolean;
  errors?: FieldErrors<"code">;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { code: "code" });
  return (
    <Layout title={t("staff.twoFactor.enrolTitle")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("staff.twoFactor.enrolTitle")}</h1>
      <p class="sh-lead">{t(staff ? "staff.twoFactor.enrolLeadStaff" : "staff.twoFactor.enrolLead")}</p>
      <h2 class="sh-heading-m">{t("staff.twoFactor.step1Title")}</h2>
      <p class="sh-body-text">{t("staff.twoFactor.step1Body")}</p>
      <h2 class="sh-heading-m">{t("staff.twoFactor.step2Title")}</h2>
      <p class="sh-body-text">
        <img class="sh-totp__qr" src={qr} alt={t("staff.twoFactor.qrAlt")} width="200" height="200" />
      </p>
      <p class="sh-body-text">{t("staff.twoFactor.manualIntro")}</p>
      <p class="sh-body-text">
        <code class="sh-totp__secret" dir="ltr" id="totp-secret">
          {groupSecret(secret)}
        </code>
      </p>
      <p class="sh-hint">{t("staff.twoFactor.manualHint")}</p>
      <h2 class="sh-heading-m">{t("staff.twoFactor.step3Title")}</h2>
      <Form action="/account/two-factor">
        <input type="hidden" name="next" value={next} />
        <CodeField error={message("code")} hint={t("staff.twoFactor.enrolCodeHint")} numeric />
        <Button>{t("staff.twoFactor.enrolSubmit")}</Button>
      </Form>
    </Layout>
  );
}

/** Shown once, right after enrolment: the recovery codes are never shown again. */
export function RecoveryCodesPage({ codes, next }: { codes: string[]; next: string }) {
  const { t } = usePage();
  return (
    <Layout title={t("staff.twoFactor.codesTitle")} width="narrow">
      <h1 class="sh-heading-xl">{t("staff.twoFactor.codesTitle")}</h1>
      <p class="sh-lead">{t("staff.twoFactor.codesLead")}</p>
      <ol class="sh-recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p class="sh-body-text">{t("staff.twoFactor.codesAdvice")}</p>
      <p class="sh-body-text">{t("staff.twoFactor.codesOnce")}</p>
      <Button href={next}>{t("staff.twoFactor.continue")}</Button>
    </Layout>
  );
}

/** TOTP is on: when, how many recovery codes are left, and (citizens only) how to turn it off. */
export function TwoFactorStatusPage({
  enabledAt,
  codesLeft,
  staff,
  hasPassword,
  next,
  errors,
}: {
  enabledAt: Date;
  codesLeft: number;
  staff: boolean;
  hasPassword: boolean;
  next: string | null;
  errors?: FieldErrors<"password">;
}) {
  const { t, locale } = usePage();
  const { message, Summary } = useFieldErrors(errors, { password: "password" });
  return (
    <Layout title={t("staff.twoFactor.statusTitle")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("staff.twoFactor.statusTitle")}</h1>
      <p class="sh-lead">{t("staff.twoFactor.statusOn", { date: formatDate(enabledAt, locale) })}</p>
      <p class="sh-body-text">{t("staff.twoFactor.codesLeft", { count: codesLeft })}</p>
      {next && (
        <p class="sh-body-text">
          <a class="sh-link" href={next}>
            {t("staff.twoFactor.continue")}
          </a>
        </p>
      )}
      <h2 class="sh-heading-m">{t("staff.twoFactor.disableTitle")}</h2>
      {staff ? (
        <p class="sh-body-text">{t("staff.twoFactor.staffMustKeep")}</p>
      ) : (
        <Form action="/account/two-factor/disable">
          <p class="sh-body-text">{t("staff.twoFactor.disableBody")}</p>
          <TextInput
            id="password"
            name="password"
            type={hasPassword ? "password" : "text"}
            label={t(hasPassword ? "staff.twoFactor.confirmPassword" : "staff.twoFactor.confirmCode")}
            error={message("password")}
            autocomplete={hasPassword ? "current-password" : "one-time-code"}
          />
          <ButtonGroup>
            <Button variant="warning">{t("staff.twoFactor.disableSubmit")}</Button>
          </ButtonGroup>
        </Form>
      )}
    </Layout>
  );
}

/** The second step of signing in. */
export function TwoFactorVerifyPage({ next, errors }: { next: string; errors?: FieldErrors<"code"> }) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { code: "code" });
  return (
    <Layout title={t("staff.twoFactor.verifyTitle")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("staff.twoFactor.verifyTitle")}</h1>
      <p class="sh-lead">{t("staff.twoFactor.verifyLead")}</p>
      <Form action="/sign-in/two-factor">
        <input type="hidden" name="next" value={next} />
        <CodeField error={message("code")} hint={t("staff.twoFactor.verifyHint")} />
        <Button>{t("staff.twoFactor.verifySubmit")}</Button>
      </Form>
      {/* Until the code is given the header shows no account, so signing out is offered here. */}
      <Form action="/sign-out">
        <Button variant="secondary">{t("views.layout.signOut")}</Button>
      </Form>
    </Layout>
  );
}
