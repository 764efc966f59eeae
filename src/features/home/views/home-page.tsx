import { formatNumber } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Card } from "../../../core/views/components/card/card.js";
import { usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { ConsultationCard } from "../../consultations/queries.js";
import { ConsultationCardItem } from "../../consultations/views/parts.js";

interface HomePageProps {
  counts: Array<{ kind: string; n: number }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
  /** The consultations open now that close soonest. */
  openConsultations: ConsultationCard[];
}

const KINDS = ["ministry", "governorate", "municipality", "independent_body"] as const;

export function HomePage({ counts, governorates, openConsultations }: HomePageProps) {
  const { t, locale } = usePage();
  const byKind = new Map(counts.map((c) => [c.kind, c.n]));
  return (
    <Layout title={t("home.title")} description={t("home.lead")}>
      <section class="sh-hero" aria-labelledby="home-title">
        <h1 id="home-title" class="sh-heading-xl">
          {t("home.title")}
        </h1>
        <p class="sh-lead">{t("home.lead")}</p>
      </section>

      <section aria-labelledby="home-actions">
        <h2 id="home-actions" class="sh-heading-l">
          {t("home.actionsTitle")}
        </h2>
        <ul class="sh-grid">
          {(["consultations", "requests/new", "requests", "structures", "integrity"] as const).map((path) => (
            <li key={path}>
              <Card
                title={t(`home.actions.${path.replace("/", "-")}.title`)}
                href={`/${locale}/${path}`}
                headingLevel={3}
              >
                <p class="sh-body-text">{t(`home.actions.${path.replace("/", "-")}.body`)}</p>
              </Card>
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

      <section aria-labelledby="home-structures">
        <h2 id="home-structures" class="sh-heading-l">
          {t("home.structuresTitle")}
        </h2>
        <p class="sh-body-text">{t("home.structuresLead")}</p>
        <ul class="sh-stats">
          {KINDS.map((kind) => (
            <li key={kind} class="sh-stats__item">
              <span class="sh-stats__value">{formatNumber(byKind.get(kind) ?? 0, locale)}</span>
              <span class="sh-stats__label">{t(`home.kind.${kind}`, { count: byKind.get(kind) ?? 0 })}</span>
            </li>
          ))}
        </ul>
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
