import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Localized } from "../../../../core/views/localized-text.js";
import type { StructurePageData } from "../structure-page.js";

/** What the structure does, what kind it is, where it sits. */
export function AboutSection({ data }: { data: StructurePageData }) {
  const { t } = usePage();
  const href = useHref();
  const { structure, ancestors, governorate } = data;
  const parent = ancestors[ancestors.length - 1];
  const hasSummary = Object.values(structure.summary).some(Boolean);
  return (
    <section class="sh-structure__section" aria-labelledby="about-title">
      <h2 id="about-title" class="sh-heading-l">
        {t("structures.page.about")}
      </h2>
      <p class="sh-body-text">
        {hasSummary ? <Localized text={structure.summary} /> : t("structures.page.noSummary")}
      </p>
      <SummaryList>
        <SummaryRow label={t("structures.page.kind")}>{t(`structures.kind.${structure.kind}`)}</SummaryRow>
        {parent && (
          <SummaryRow label={t("structures.page.parent")}>
            <a class="sh-link" href={href(`/structures/${parent.code}`)}>
              <Localized text={parent.name} />
            </a>
          </SummaryRow>
        )}
        {governorate && (
          <SummaryRow label={t("structures.page.governorate")}>
            <a class="sh-link" href={href(`/structures?governorate=${governorate.code}`)}>
              <Localized text={governorate.name} />
            </a>
          </SummaryRow>
        )}
      </SummaryList>
    </section>
  );
}
