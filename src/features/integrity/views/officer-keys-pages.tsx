import type { FieldErrors } from "../../../core/forms.js";
import { Button } from "../../../core/views/components/button/button.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { OfficerLayout } from "./officer-layout.js";

/** The officer's keys: made at the first visit (with a recovery key shown once), opened at each sign-in. */

/** The officer's account password, asked again before their keys are made or opened. */
function PasswordField({ error }: { error?: string }) {
  const { t } = usePage();
  return (
    <TextInput
      id="password"
      name="password"
      type="password"
      autocomplete="current-password"
      label={t("integrity.officer.password")}
      error={error}
    />
  );
}

/** First visit: the officer makes their keys, confirming their password. */
export function EnrolKeysPage({ error }: { error?: string }) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(error ? { password: { key: error } } : undefined, {
    password: "password",
  });
  return (
    <OfficerLayout title={t("integrity.officer.enrol.title")} section="keys">
      <Summary />
      <h1 class="sh-heading-xl">{t("integrity.officer.enrol.title")}</h1>
      <p class="sh-lead">{t("integrity.officer.enrol.lead")}</p>
      <Form action="/integrity/officer/keys">
        <PasswordField error={message("password")} />
        <Button>{t("integrity.officer.enrol.submit")}</Button>
      </Form>
    </OfficerLayout>
  );
}

/** The recovery key, shown once at enrolment. */
export function RecoveryKeyPage({ recoveryKey }: { recoveryKey: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <OfficerLayout title={t("integrity.officer.recovery.title")} section="keys">
      <NotificationBanner kind="success" title={t("integrity.officer.recovery.done")} />
      <h1 class="sh-heading-xl">{t("integrity.officer.recovery.title")}</h1>
      <p class="sh-integrity-receipt" dir="ltr" data-recovery-key={recoveryKey}>
        {recoveryKey}
      </p>
      <p class="sh-body-text">{t("integrity.officer.recovery.explain")}</p>
      <Button href={href("/integrity/officer")}>{t("integrity.officer.recovery.continue")}</Button>
    </OfficerLayout>
  );
}

export type UnlockField = "password" | "recoveryKey";

/** Each sign-in: the password opens the officer's private key for this session only. */
export function UnlockPage({
  next,
  errors,
  needsRecovery,
  unlocked,
}: {
  next?: string;
  errors?: FieldErrors<UnlockField>;
  needsRecovery?: boolean;
  unlocked?: boolean;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, { password: "password", recoveryKey: "recovery-key" });
  return (
    <OfficerLayout title={t("integrity.officer.unlock.title")} section="keys">
      <Summary />
      <h1 class="sh-heading-xl">{t("integrity.officer.unlock.title")}</h1>
      {unlocked ? (
        <>
          <p class="sh-lead">{t("integrity.officer.unlock.unlocked")}</p>
          <Form action="/integrity/officer/lock">
            <Button variant="secondary">{t("integrity.officer.unlock.lock")}</Button>
          </Form>
        </>
      ) : (
        <>
          <p class="sh-lead">{t("integrity.officer.unlock.lead")}</p>
          <Form action="/integrity/officer/unlock">
            {next && <input type="hidden" name="next" value={next} />}
            <PasswordField error={message("password")} />
            {needsRecovery && (
              <TextInput
                id="recovery-key"
                name="recoveryKey"
                label={t("integrity.officer.unlock.recoveryKey")}
                hint={t("integrity.officer.unlock.recoveryHint")}
                autocomplete="off"
                spellcheck={false}
                dir="ltr"
                error={message("recoveryKey")}
              />
            )}
            <Button>{t("integrity.officer.unlock.submit")}</Button>
          </Form>
        </>
      )}
    </OfficerLayout>
  );
}
