import { Button } from "../../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { Layout } from "../../../../core/views/layout.js";
import type { UnsubscribeTarget } from "../commands/unsubscribe.js";

/**
 * Stopping the mails of an unsubscribe link: a question with one button, then the answer; or, for a
 * link not made here, a page that says so. An account holder's answer leads to their preferences.
 */
export function UnsubscribePage(
  props:
    | { state: "ask"; token: string; target: UnsubscribeTarget }
    | { state: "done"; target: UnsubscribeTarget }
    | { state: "invalid" },
) {
  const { t } = usePage();
  const href = useHref();
  const preferencesLink = (
    <p class="sh-body-text">
      <a class="sh-link" href={href("/notifications/preferences")}>
        {t("notifications.preferences.link")}
      </a>
    </p>
  );
  if (props.state === "invalid") {
    const title = t("cases.workspace.unsubscribe.invalidTitle");
    return (
      <Layout title={title} width="narrow">
        <h1 class="sh-heading-xl">{title}</h1>
        <p class="sh-body-text">{t("cases.workspace.unsubscribe.invalidText")}</p>
        {preferencesLink}
      </Layout>
    );
  }
  const forKind = "kind" in props.target ? { kind: t(props.target.kind.labelKey) } : null;
  const title = forKind
    ? t(`cases.workspace.unsubscribe.${props.state === "done" ? "kindDoneTitle" : "kindTitle"}`, forKind)
    : t(`cases.workspace.unsubscribe.${props.state === "done" ? "doneTitle" : "title"}`);
  return (
    <Layout title={title} width="narrow">
      <h1 class="sh-heading-xl">{title}</h1>
      {props.state === "done" ? (
        <>
          <p class="sh-body-text">
            {t(forKind ? "cases.workspace.unsubscribe.kindDoneText" : "cases.workspace.unsubscribe.doneText")}
          </p>
          {forKind && preferencesLink}
        </>
      ) : (
        <>
          <p class="sh-body-text">
            {forKind
              ? t("cases.workspace.unsubscribe.kindText", forKind)
              : t("cases.workspace.unsubscribe.text")}
          </p>
          <Form action={`/requests/unsubscribe/${props.token}`}>
            <Button>{t("cases.workspace.unsubscribe.submit")}</Button>
          </Form>
          {forKind && preferencesLink}
        </>
      )}
    </Layout>
  );
}
