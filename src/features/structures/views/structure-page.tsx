import type { VNode } from "preact";
import { formatDate } from "../../../core/i18n/format.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import type { StructureCaseStats } from "../../cases/stats/queries.js";
import { StructureCaseStatsSection } from "../../cases/stats/stats-section.js";
import type { Structure, StructureCategory, StructureSummary } from "../queries.js";
import { AboutSection } from "./sections/about-section.js";
import { CategoriesSection } from "./sections/categories-section.js";
import { ChildrenSection } from "./sections/children-section.js";
import { ContactSection } from "./sections/contact-section.js";
import { structureJsonLd } from "./structured-data.js";

export interface StructurePageData {
  structure: Structure;
  /** From the top of the tree down to the parent. */
  ancestors: StructureSummary[];
  children: StructureSummary[];
  categories: StructureCategory[];
  governorate: { code: string; name: LocalizedText } | null;
  /** Its public figures on requests (the cases feature computes them). */
  caseStats?: StructureCaseStats | null;
}

/**
 * The sections of a structure's public page, in order. Later features (open consultations,
 * statistics) add theirs to this list; each section renders nothing when it has nothing to say.
 */
const SECTIONS = [
  AboutSection,
  ContactSection,
  CategoriesSection,
  StructureCaseStatsSection,
  ChildrenSection,
];

/** A structure's public page: who it is, what it does, how to reach it, what to ask it. */
/** The structure's printable poster and flyer (the promotion kit), as list items. */
export function PromotionKitLinks({ code }: { code: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <>
      {(["poster", "flyer"] as const).map((sheet) => (
        <li key={sheet}>
          <a class="sh-link" href={href(`/structures/${code}/${sheet}`)}>
            {t(`structures.kit.${sheet}`)}
          </a>
        </li>
      ))}
    </>
  );
}

export function StructurePage({
  data,
  feeds,
  panels,
}: {
  data: StructurePageData;
  /** What other features show about it (its results), after its own sections. */
  panels?: VNode[];
  /** Its own Atom feeds (every feature's `feeds`, filtered to it). */
  feeds?: Array<{ title: string; path: string }>;
}) {
  const { t, locale, publicUrl } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { structure, ancestors } = data;
  const otherNames = LOCALES.filter(
    (l) => l !== locale && structure.name[l] && structure.name[l] !== plain(structure.name),
  );
  return (
    <Layout
      title={plain(structure.name)}
      description={plain(structure.summary) || undefined}
      structuredData={structureJsonLd(data, publicUrl, locale)}
      feeds={feeds}
    >
      <Breadcrumbs
        items={[
          { text: t("structures.breadcrumbs.home"), href: href("/") },
          { text: t("structures.directory.title"), href: href("/structures") },
          ...ancestors.map((a) => ({ text: plain(a.name), href: href(`/structures/${a.code}`) })),
          { text: plain(structure.name) },
        ]}
      />
      {structure.retiredAt && (
        <NotificationBanner
          kind="info"
          id="retired-banner"
          title={t("structures.page.retiredSince", { date: formatDate(structure.retiredAt, locale) })}
        >
          <p class="sh-body-text">{t("structures.page.retiredText")}</p>
        </NotificationBanner>
      )}
      <p class="sh-caption">{t(`structures.kind.${structure.kind}`)}</p>
      <h1 class="sh-heading-xl">
        <Localized text={structure.name} />
      </h1>
      {otherNames.length > 0 && (
        <ul class="sh-structure__names" aria-label={t("structures.page.otherNames")}>
          {otherNames.map((l) => (
            <li key={l} lang={l} dir={l === "ar" ? "rtl" : "ltr"}>
              {structure.name[l]}
            </li>
          ))}
        </ul>
      )}
      {SECTIONS.map((Section) => (
        <Section key={Section.name} data={data} />
      ))}
      {panels}
      {!structure.retiredAt && (
        <section class="sh-no-print" aria-labelledby="promotion-kit">
          <h2 class="sh-heading-m" id="promotion-kit">
            {t("structures.kit.heading")}
          </h2>
          <p class="sh-body-text">{t("structures.kit.lead")}</p>
          <ul class="sh-list">
            <PromotionKitLinks code={structure.code} />
          </ul>
        </section>
      )}
    </Layout>
  );
}
