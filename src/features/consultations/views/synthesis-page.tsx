import type { ComponentChildren } from "preact";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { Amendment } from "../drafting/queries.js";
import type { ConsultationView, Outcome, Question, Section, Synthesis } from "../queries.js";
import { OutcomeSection } from "./outcome-section.js";

/** The whole published record: summary, every figure and breakdown, and the decision by section. */
export function SynthesisPage(props: {
  c: ConsultationView;
  sections: Section[];
  synthesis: Synthesis;
  outcomes: Outcome[];
  amendments?: Amendment[];
  questions: Question[];
  governorateNames: Map<string, LocalizedText>;
  /** What other features add to the record (the opinion map). */
  children?: ComponentChildren;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const title = pickLocalized(props.c.title, locale).text;
  return (
    <Layout title={`${t("consultations.outcome.title")} · ${title}`}>
      <Breadcrumbs
        items={[
          { text: t("consultations.breadcrumbs.home"), href: href("/") },
          { text: t("consultations.list.title"), href: href("/consultations") },
          { text: title, href: href(`/consultations/${props.c.id}`) },
          { text: t("consultations.outcome.title") },
        ]}
      />
      <h1 class="sh-heading-xl">{title}</h1>
      <OutcomeSection {...props} />
      {props.children}
    </Layout>
  );
}
