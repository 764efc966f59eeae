import { Button } from "../../../core/views/components/button/button.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { IntegrityLayout } from "./parts.js";

/** Coming back: the receipt is asked for, and sent only in a POST body (never in an address). */
export function FollowFormPage({ error, throttled }: { error?: string; throttled?: number }) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(error ? { receipt: { key: error } } : undefined, {
    receipt: "receipt",
  });
  return (
    <IntegrityLayout title={t("integrity.follow.title")} width="narrow">
      <Summary />
      {throttled !== undefined && (
        <NotificationBanner
          kind="info"
          title={t("integrity.follow.throttled", { minutes: Math.ceil(throttled / 60) })}
        />
      )}
      <h1 class="sh-heading-xl">{t("integrity.follow.title")}</h1>
      <p class="sh-lead">{t("integrity.follow.lead")}</p>
      <Form action="/integrity/follow">
        <TextInput
          id="receipt"
          name="receipt"
          label={t("integrity.follow.receipt")}
          hint={t("integrity.follow.receiptHint")}
          inputMode="numeric"
          autocomplete="off"
          spellcheck={false}
          dir="ltr"
          width={20}
          error={message("receipt")}
        />
        <Button>{t("integrity.follow.open")}</Button>
      </Form>
    </IntegrityLayout>
  );
}
