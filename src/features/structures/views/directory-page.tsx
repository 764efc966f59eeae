import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { type DirectoryGroup, type DirectoryItem, SECTIONS } from "../directory.js";
import type { StructureSummary } from "../queries.js";

interface Governorate {
  code: string;
  name: LocalizedText;
}

export type DirectoryView =
  | { mode: "tree"; groups: DirectoryGroup[] }
  | {
      mode: "search";
      results: StructureSummary[];
      total: number;
      /** Names of the results' parents, by id. */
      parents: Map<string, LocalizedText>;
    };

export interface DirectoryPageProps {
  q: string;
  governorate: string;
  governorates: Governorate[];
  view: DirectoryView;
  page: number;
  totalPages: number;
}

/** The public directory of structures: a tree by default, a list of matches for a search. */
export function DirectoryPage({ q, governorate, governorates, view, page, totalPages }: DirectoryPageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  return (
    <Layout title={t("structures.directory.title")} description={t("structures.directory.lead")}>
      <Breadcrumbs
        items={[
          { text: t("structures.breadcrumbs.home"), href: href("/") },
          { text: t("structures.directory.title") },
        ]}
      />
      <h1 class="sh-heading-xl">{t("structures.directory.title")}</h1>
      <p class="sh-lead">{t("structures.directory.lead")}</p>

      <search>
        <form method="get" action={href("/structures")} class="sh-directory-search">
          <TextInput
            id="q"
            name="q"
            type="search"
            value={q}
            label={t("structures.directory.searchLabel")}
            hint={t("structures.directory.searchHint")}
            width={30}
          />
          <Select
            id="governorate"
            name="governorate"
            label={t("structures.directory.governorateLabel")}
            value={governorate}
            options={[
              { value: "", text: t("structures.directory.allGovernorates") },
              ...governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
            ]}
          />
          <Button variant="secondary">{t("structures.directory.searchButton")}</Button>
        </form>
      </search>

      {view.mode === "search" ? (
        <SearchResults view={view} q={q} />
      ) : view.groups.length === 0 ? (
        <EmptyState title={t("structures.directory.emptyTitle")}>
          <p class="sh-body-text">{t("structures.directory.emptyText")}</p>
        </EmptyState>
      ) : (
        SECTIONS.filter((s) => view.groups.some((g) => g.section === s)).map((section) => (
          <section key={section} class="sh-directory" aria-labelledby={`section-${section}`}>
            <h2 id={`section-${section}`} class="sh-heading-l">
              {t(`structures.directory.section.${section}`)}
            </h2>
            {view.groups
              .filter((g) => g.section === section)
              .map((group) => (
                <div key={group.root.node.id} class="sh-directory__group">
                  <h3 class="sh-heading-m">
                    <StructureLink item={group.root} />
                  </h3>
                  {group.root.children.length > 0 && <Tree items={group.root.children} />}
                </div>
              ))}
          </section>
        ))
      )}
      <Pagination page={page} totalPages={totalPages} label={t("structures.directory.pagination")} />
    </Layout>
  );
}

function StructureLink({ item }: { item: DirectoryItem }) {
  const href = useHref();
  return (
    <a class="sh-link" href={href(`/structures/${item.node.code}`)}>
      <Localized text={item.node.name} />
    </a>
  );
}

function Tree({ items }: { items: DirectoryItem[] }) {
  return (
    <ul class="sh-directory__tree">
      {items.map((item) => (
        <li key={item.node.id} class="sh-directory__item">
          <StructureLink item={item} />
          {item.children.length > 0 && <Tree items={item.children} />}
        </li>
      ))}
    </ul>
  );
}

function SearchResults({ view, q }: { view: Extract<DirectoryView, { mode: "search" }>; q: string }) {
  const { t } = usePage();
  const href = useHref();
  if (view.total === 0) {
    return (
      <EmptyState title={t("structures.directory.noResultsTitle", { q })}>
        <p class="sh-body-text">{t("structures.directory.noResultsText")}</p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" class="sh-heading-l">
        {t("structures.directory.results", { count: view.total })}
      </h2>
      <ul class="sh-directory__results">
        {view.results.map((s) => {
          const parent = s.parentId ? view.parents.get(s.parentId) : undefined;
          return (
            <li key={s.id} class="sh-directory__result">
              <a class="sh-link" href={href(`/structures/${s.code}`)}>
                <Localized text={s.name} />
              </a>
              <p class="sh-body-text">
                {t(`structures.kind.${s.kind}`)}
                {parent && (
                  <>
                    {" · "}
                    <Localized text={parent} />
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
