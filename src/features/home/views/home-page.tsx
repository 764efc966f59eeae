import { formatNumber } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { ConsultationCard } from "../../consultations/list-queries.js";
import { ConsultationCardItem } from "../../consultations/views/parts.js";
import type { NewsItem } from "../../news/queries.js";
import { NewsListItem } from "../../news/views/news-parts.js";

interface HomePageProps {
  counts: Array<{ kind: string; n: number }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
  /** The consultations open now that close soonest. */
  openConsultations: ConsultationCard[];
  /** The news its writers featured on the home page, newest first. */
  pinnedNews: NewsItem[];
}

/** The four things people come for, first on the page: [key, path]. */
const ACTIONS = [
  ["request", "requests/new"],
  ["follow", "requests/follow"],
  ["opinion", "consultations"],
  ["integrity", "integrity"],
] as const;

const KINDS = ["ministry", "governorate", "municipality", "independent_body"] as const;

export function HomePage({ counts, governorates, openConsultations, pinnedNews }: HomePageProps) {
  const { t, locale } = usePage();
  const byKind = new Map(counts.map((c) => [c.kind, c.n]));
  return (
    <Layout title={t("home.title")} description={t("home.lead")}>
      <section class="sh-hero" aria-labelledby="home-title">
        <h1 id="home-title" class="sh-heading-xl">
          {t("home.title")}
        </h1>
        <p class="sh-lead">{t("home.lead")}</p>
        <ul class="sh-actions">
          {ACTIONS.map(([key, path]) => (
            <li key={key}>
              <a class="sh-actions__link" href={`/${locale}/${path}`}>
                <span class="sh-actions__title">{t(`home.actions.${key}.title`)}</span>
                <span class="sh-actions__body">{t(`home.actions.${key}.body`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      {openConsultations.length > 0 && (
        <section aria-labelledby="home-consultations">
          <h2 id="home-consultations" class="sh-heading-l">
            {t("home.consultationsTitle")}
          </h2>
          <ul class="sh-card-list">
            {openConsultations.map((c) => (
              <li key={c.id}>
                <ConsultationCardItem c={c} />
              </li>
            ))}
          </ul>
          <p class="sh-body-text">
            <a class="sh-link" href={`/${locale}/consultations`}>
              {t("home.consultationsAll")}
            </a>
          </p>
        </section>
      )}

      {pinnedNews.length > 0 && (
        <section aria-labelledby="home-news">
          <h2 id="home-news" class="sh-heading-l">
            {t("news.home.title")}
          </h2>
          <ul class="sh-news-list">
            {pinnedNews.map((item) => (
              <NewsListItem key={item.id} item={item} />
            ))}
          </ul>
          <p class="sh-body-text">
            <a class="sh-link" href={`/${locale}/news`}>
              {t("news.home.all")}
            </a>
          </p>
        </section>
      )}

      <section aria-labelledby="home-structures">
        <h2 id="home-structures" class="sh-heading-l">
          {t("home.structuresTitle")}
        </h2>
        <p class="sh-body-text">{t("home.structuresLead")}</p>
        <ul class="sh-stats sh-stats--compact">
          {KINDS.map((kind) => (
            <li key={kind} class="sh-stats__item">
              <span class="sh-stats__value">{formatNumber(byKind.get(kind) ?? 0, locale)}</span>
              <span class="sh-stats__label">{t(`home.kind.${kind}`, { count: byKind.get(kind) ?? 0 })}</span>
            </li>
          ))}
        </ul>
        <p class="sh-body-text">
          <a class="sh-link" href={`/${locale}/structures`}>
            {t("home.structuresAll")}
          </a>
        </p>
      </section>

      <section aria-labelledby="home-governorates">
        <h2 id="home-governorates" class="sh-heading-l">
          {t("home.governoratesTitle")}
        </h2>
        <ul class="sh-columns">
          {governorates.map((g) => {
            const name = pickLocalized(g.name, locale);
            return (
              <li key={g.code} lang={name.lang === locale ? undefined : name.lang}>
                {name.text}
              </li>
            );
          })}
        </ul>
      </section>
    </Layout>
  );
}
