import { Button } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { IntegrityLayout, NoRecipient } from "./parts.js";

const SECTIONS = ["stored", "notStored", "law", "safer"] as const;

/** The channel's front page: what it protects, in plain words, and the two ways in. */
export function IntegrityHomePage({ open }: { open: boolean }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <IntegrityLayout title={t("integrity.home.title")}>
      <h1 class="sh-heading-xl">{t("integrity.home.title")}</h1>
      <p class="sh-lead">{t("integrity.home.lead")}</p>
      {open ? (
        <Button href={href("/integrity/report")} start>
          {t("integrity.home.start")}
        </Button>
      ) : (
        <div class="sh-inset">
          <NoRecipient headingLevel={2} />
        </div>
      )}
      <p class="sh-body-text">
        <a class="sh-link" href={href("/integrity/follow")}>
          {t("integrity.home.follow")}
        </a>
      </p>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`integrity-${section}`}>
          <h2 id={`integrity-${section}`} class="sh-heading-l">
            {t(`integrity.home.${section}.title`)}
          </h2>
          <ul class="sh-list sh-list--bullet">
            {t(`integrity.home.${section}.points`)
              .split("\n")
              .map((point) => (
                <li key={point}>{point}</li>
              ))}
          </ul>
        </section>
      ))}
    </IntegrityLayout>
  );
}
