import type { ExampleContext } from "../../../core/views/components/example.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { GalleryComponent } from "../registry.js";

/** Every example of one component, rendered live, each under its name. */
export function ComponentPage({ component }: { component: GalleryComponent }) {
  const { t, locale, search } = usePage();
  const href = useHref();
  const name = t(`gallery.components.${component.slug}.name`);
  return (
    <Layout title={name}>
      <p class="sh-body-text">
        <a class="sh-link" href={href("/gallery")}>
          {t("gallery.allComponents")}
        </a>
      </p>
      <h1 class="sh-heading-xl">{name}</h1>
      <p class="sh-lead">{t(`gallery.components.${component.slug}.description`)}</p>
      {component.examples.map((example) => {
        const prefix = `${component.slug}-${example.name}`;
        const ctx: ExampleContext = {
          t,
          locale,
          id: (suffix) => `${prefix}-${suffix}`,
          query: new URLSearchParams(search),
        };
        return (
          <section key={example.name} aria-labelledby={`${prefix}-example`}>
            <h2 id={`${prefix}-example`} class="sh-heading-m">
              {t(example.title)}
            </h2>
            <div class="sh-gallery__example">{example.render(ctx)}</div>
          </section>
        );
      })}
    </Layout>
  );
}
