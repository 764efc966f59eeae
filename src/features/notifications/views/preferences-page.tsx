import type { NotificationChoice, NotificationKind } from "../../../core/notifications/notify.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";

/**
 * One page for how a person hears of each kind of news: in the notification centre, by e-mail, by
 * SMS (where the kind is sent that way), and how often e-mail comes (where the kind gathers it).
 */
export function PreferencesPage({
  kinds,
  error,
}: {
  kinds: Array<{ kind: NotificationKind; choice: NotificationChoice }>;
  error?: boolean;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <Layout title={t("notifications.preferences.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("notifications.preferences.title")}</h1>
      <p class="sh-body-text">{t("notifications.preferences.intro")}</p>
      <Form action="/notifications/preferences">
        {kinds.map(({ kind, choice }) => {
          const channels = [
            ...(kind.choices.centre === false ? [] : ["centre"]),
            ...(kind.choices.email ? ["email"] : []),
            ...(kind.choices.sms ? ["sms"] : []),
          ];
          return (
            <section key={kind.id} class="sh-notification-kind" aria-labelledby={`${kind.id}-title`}>
              <h2 class="sh-heading-m" id={`${kind.id}-title`}>
                {t(kind.labelKey)}
              </h2>
              {kind.hintKey && <p class="sh-body-text">{t(kind.hintKey)}</p>}
              <Checkboxes
                id={`${kind.id}-channels`}
                name={`${kind.id}.channels`}
                label={t("notifications.preferences.channels")}
                hint={kind.choices.sms ? t("notifications.preferences.smsHint") : undefined}
                values={channels.filter((c) => choice[c as "centre" | "email" | "sms"])}
                items={channels.map((c) => ({
                  value: c,
                  label: t(`notifications.preferences.channel.${c}`),
                }))}
              />
              {kind.choices.frequencies.length > 1 && (
                <Radios
                  id={`${kind.id}-frequency`}
                  name={`${kind.id}.frequency`}
                  label={t("notifications.preferences.frequency")}
                  error={error ? t("notifications.preferences.frequencyInvalid") : undefined}
                  value={choice.frequency}
                  items={kind.choices.frequencies.map((f) => ({
                    value: f,
                    label: t(`notifications.preferences.rhythm.${f}`),
                  }))}
                />
              )}
            </section>
          );
        })}
        <Button>{t("notifications.preferences.save")}</Button>
      </Form>
      <p class="sh-body-text">
        <a class="sh-link" href={href("/notifications")}>
          {t("notifications.preferences.back")}
        </a>
      </p>
    </Layout>
  );
}
