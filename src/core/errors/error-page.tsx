import { useHref, usePage } from "../views/context.js";
import { Layout } from "../views/layout.js";
import type { AppError } from "./app-error.js";

/** The page shown for any error: its title and advice in the visitor's language, never internals. */
export function ErrorPage({ error }: { error: AppError }) {
  const { t, requestId } = usePage();
  const href = useHref();
  const key = `errors.${error.key}`;
  return (
    <Layout title={t(`${key}.title`)} width="narrow">
      <h1 class="sh-heading-xl">{t(`${key}.title`)}</h1>
      <p class="sh-body-text">{t(`${key}.body`, error.details)}</p>
      {error.status >= 500 && <p class="sh-body-text sh-hint">{t("errors.reference", { id: requestId })}</p>}
      <p class="sh-body-text">
        <a class="sh-link" href={href("/")}>
          {t("errors.backHome")}
        </a>
      </p>
    </Layout>
  );
}
