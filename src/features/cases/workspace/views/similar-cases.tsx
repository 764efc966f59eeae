import { Button } from "../../../../core/views/components/button/button.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../../core/views/components/util.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form } from "../../../../core/views/form.js";
import type { CasePageData } from "./case-page.js";
import { DateText } from "./labels.js";

/** Open requests that may be this one, each with why, and a one-click "mark as a duplicate of it". */
export function SimilarCases({ data }: { data: CasePageData }) {
  const { t } = usePage();
  const href = useHref();
  if (data.similar.length === 0) return null;
  const base = `/staff/requests/${data.c.id}`;
  return (
    <section aria-labelledby="similar-title">
      <h2 id="similar-title" class="sh-heading-l">
        {t("cases.workspace.similar.title")}
      </h2>
      <p class="sh-body-text">{t("cases.workspace.similar.lead")}</p>
      <ul class="sh-list">
        {data.similar.map((s) => (
          <li key={s.id}>
            <a class="sh-link" href={href(`/staff/requests/${s.id}`)}>
              <Reference>{s.reference}</Reference> · <UserText>{s.subject}</UserText>
            </a>
            <p class="sh-hint">
              {[
                t("cases.workspace.similar.words", { count: s.commonWords }),
                s.sameCategory ? t("cases.workspace.similar.category") : null,
                s.samePlace ? t(`cases.workspace.similar.${s.samePlace}`) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
              {" · "}
              <DateText date={s.createdAt} />
            </p>
            {data.abilities.markDuplicate && (
              <Form action={`${base}/duplicate`} class="sh-inline-form">
                <input type="hidden" name="reference" value={s.reference} />
                <Button variant="secondary">
                  {translateWith(t, "cases.workspace.similar.mark", {
                    reference: <Reference>{s.reference}</Reference>,
                  })}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
