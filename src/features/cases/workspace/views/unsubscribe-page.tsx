import { Button } from "../../../../core/views/components/button/button.js";
import { usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import { Layout } from "../../../../core/views/layout.js";

/** Stopping the mails about a request: a question with one button, then the answer. */
export function UnsubscribePage({ token, done }: { token: string; done: boolean }) {
  const { t } = usePage();
  const title = done ? t("cases.workspace.unsubscribe.doneTitle") : t("cases.workspace.unsubscribe.title");
  return (
    <Layout title={title} width="narrow">
      <h1 class="sh-heading-xl">{title}</h1>
      {done ? (
        <p class="sh-body-text">{t("cases.workspace.unsubscribe.doneText")}</p>
      ) : (
        <>
          <p class="sh-body-text">{t("cases.workspace.unsubscribe.text")}</p>
          <Form action={`/requests/unsubscribe/${token}`}>
            <Button>{t("cases.workspace.unsubscribe.submit")}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
