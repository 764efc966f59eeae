import { useHref, usePage } from "../../../../core/views/context.js";
import { Localized } from "../../../../core/views/localized-text.js";
import type { StructurePageData } from "../structure-page.js";

/** The active structures directly under this one (nothing when there are none). */
export function ChildrenSection({ data }: { data: StructurePageData }) {
  const { t } = usePage();
  const href = useHref();
  if (data.children.length === 0) return null;
  return (
    <section class="sh-structure__section" aria-labelledby="children-title">
      <h2 id="children-title" class="sh-heading-l">
        {t("structures.page.children", { count: data.children.length })}
      </h2>
      <ul class="sh-list">
        {data.children.map((c) => (
          <li key={c.id}>
            <a class="sh-link" href={href(`/structures/${c.code}`)}>
              <Localized text={c.name} />
            </a>{" "}
            <span class="sh-hint">{t(`structures.kind.${c.kind}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
