import { formatDate } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { Select } from "../../../core/views/components/select/select.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import type { SubscriberSettings } from "../commands.js";

type Named = { code: string; name: LocalizedText };

/** What a person follows, how often mail comes (chosen on the preferences page), the newsletter choice, and the latest news. */
export function SubscriptionsPage({
  settings,
  follows,
  news,
  governorates,
  themes,
}: {
  settings: SubscriberSettings;
  follows: Array<{ kind: string; target: string; name: LocalizedText; path: string | null }>;
  news: Array<{ id: string; title: LocalizedText; path: string; createdAt: Date }>;
  governorates: Named[];
  themes: Named[];
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const followSelect = (kind: "governorate" | "theme", options: Named[]) => (
    <Form action="/subscriptions/follow" class="sh-directory-search">
      <input type="hidden" name="kind" value={kind} />
      <Select
        id={`follow-${kind}`}
        name="target"
        label={t(`subscriptions.follow.${kind}`)}
        options={options.map((o) => ({ value: o.code, text: plain(o.name) }))}
      />
      <Button variant="secondary">{t("subscriptions.follow.button")}</Button>
    </Form>
  );
  return (
    <Layout title={t("subscriptions.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("subscriptions.title")}</h1>
      <h2 class="sh-heading-l">{t("subscriptions.following")}</h2>
      {follows.length === 0 ? (
        <p class="sh-body-text">{t("subscriptions.nothing")}</p>
      ) : (
        <ul class="sh-list">
          {follows.map((f) => (
            <li key={`${f.kind}:${f.target}`}>
              <Form action="/subscriptions/unfollow" class="sh-inline-form">
                <input type="hidden" name="kind" value={f.kind} />
                <input type="hidden" name="target" value={f.target} />
                {t(`subscriptions.kind.${f.kind}`)} ·{" "}
                {f.path ? (
                  <a class="sh-link" href={href(f.path)}>
                    <Localized text={f.name} />
                  </a>
                ) : (
                  <Localized text={f.name} />
                )}{" "}
                <button type="submit" class="sh-link-button">
                  {t("subscriptions.unfollow")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {followSelect("governorate", governorates)}
      {followSelect("theme", themes)}
      <h2 class="sh-heading-l">{t("subscriptions.settingsTitle")}</h2>
      {/* The rhythm is chosen on the notification preferences page, the one place for it. */}
      <p class="sh-body-text" id="email-rhythm">
        {t(`subscriptions.email.current.${settings.email}`)}{" "}
        <a class="sh-link" href={href("/notifications/preferences#followed-news-title")}>
          {t("subscriptions.email.change")}
        </a>
      </p>
      <Form action="/subscriptions/settings">
        <Checkboxes
          id="newsletter"
          name="newsletter"
          label={t("subscriptions.newsletter.label")}
          values={settings.newsletter ? ["yes"] : []}
          items={[{ value: "yes", label: t("subscriptions.newsletter.yes") }]}
        />
        <Button>{t("subscriptions.save")}</Button>
      </Form>
      <h2 class="sh-heading-l">{t("subscriptions.news")}</h2>
      {news.length === 0 ? (
        <p class="sh-body-text">{t("subscriptions.noNews")}</p>
      ) : (
        <ul class="sh-list">
          {news.map((n) => (
            <li key={n.id}>
              <a class="sh-link" href={href(n.path)}>
                <Localized text={n.title} />
              </a>{" "}
              <span class="sh-hint">{formatDate(n.createdAt, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
