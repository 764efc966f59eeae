import { usePage } from "../../../../core/views/context.js";
import { Localized } from "../../../../core/views/localized-text.js";
import type { StructurePageData } from "../structure-page.js";

/** The request categories the structure handles (nothing when it lists none). */
export function CategoriesSection({ data }: { data: StructurePageData }) {
  const { t } = usePage();
  if (data.categories.length === 0) return null;
  return (
    <section class="sh-structure__section" aria-labelledby="categories-title">
      <h2 id="categories-title" class="sh-heading-l">
        {t("structures.page.categories")}
      </h2>
      <p class="sh-body-text">{t("structures.page.categoriesLead")}</p>
      <ul class="sh-list sh-list--bullet">
        {data.categories.map((c) => (
          <li key={c.id}>
            <Localized text={c.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}
