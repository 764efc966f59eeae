import { Card } from "../../../core/views/components/card/card.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { GALLERY } from "../registry.js";

/** The list of every component, each leading to its examples. */
export function GalleryPage() {
  const { t } = usePage();
  const href = useHref();
  return (
    <Layout title={t("gallery.title")}>
      <h1 class="sh-heading-xl">{t("gallery.title")}</h1>
      <p class="sh-lead">{t("gallery.lead")}</p>
      <p class="sh-hint">{t("gallery.devOnly")}</p>
      <ul class="sh-grid">
        {GALLERY.map((component) => (
          <li key={component.slug}>
            <Card
              href={href(`/gallery/${component.slug}`)}
              title={t(`gallery.components.${component.slug}.name`)}
              headingLevel={2}
              meta={t("gallery.examplesCount", { count: component.examples.length })}
            >
              <p class="sh-body-text">{t(`gallery.components.${component.slug}.description`)}</p>
            </Card>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
