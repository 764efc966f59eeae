import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { EidEnd } from "../routes/error.js";

export interface EidErrorPageProps {
  reason: EidEnd;
  name: string;
  /** Where the person was going, kept for the next try. */
  next: string;
  minutes: number;
}

/** Why the e-ID sign-in did not complete, and the ways forward: try again, or sign in otherwise. */
export function EidErrorPage({ reason, name, next, minutes }: EidErrorPageProps) {
  const { t } = usePage();
  const href = useHref();
  const title = t(`eid.error.${reason}.title`, { name });
  const query = `?next=${encodeURIComponent(next)}`;
  return (
    <Layout title={title} width="narrow">
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{t(`eid.error.${reason}.body`, { name, minutes })}</p>
      <ButtonGroup>
        <Button href={href(`/sign-in/eid${query}`)}>{t("eid.error.tryAgain")}</Button>
        <a class="sh-link" href={href(`/sign-in${query}`)}>
          {t("eid.error.otherWay")}
        </a>
      </ButtonGroup>
    </Layout>
  );
}
