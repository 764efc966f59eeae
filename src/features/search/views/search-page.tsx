import { formatNumber } from "../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import { excerpt, highlight, type Segment } from "../highlight.js";
import { MAX_RESULTS, type SearchHit, type SearchResult } from "../queries.js";

export interface SearchFilters {
  q: string;
  kind?: string;
  structure?: { code: string; name: LocalizedText };
  place?: string;
}

export interface SearchPageProps {
  filters: SearchFilters;
  result: SearchResult;
  /** Every kind, in order, with the i18n key of its name. */
  kinds: Array<{ kind: string; labelKey: string }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
}

function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} class="sh-search__mark">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

function Hit({ hit, q, kindLabel }: { hit: SearchHit; q: string; kindLabel: string }) {
  const { locale, t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const title =
    typeof hit.title === "string" ? { text: hit.title, lang: null } : pickLocalized(hit.title, locale);
  // Officials' text in a known language, or a person's words in whatever direction they start with.
  const langAttrs = (lang: string | null): { lang?: string; dir: "rtl" | "ltr" | "auto" } =>
    lang ? { lang, dir: lang === "ar" ? "rtl" : "ltr" } : { dir: "auto" };
  return (
    <li class="sh-search__hit">
      <p class="sh-search__kind">
        <span class="sh-tag">{kindLabel}</span>
      </p>
      <h2 class="sh-heading-s sh-search__title">
        <a class="sh-link" href={href(hit.path)} {...langAttrs(title.lang)}>
          <Marked segments={highlight(title.text, q)} />
        </a>
      </h2>
      {hit.body && (
        <p class="sh-body-text sh-search__excerpt" {...langAttrs(hit.bodyLang)}>
          <Marked segments={excerpt(hit.body, q)} />
        </p>
      )}
      {(hit.structure || hit.governorate) && (
        <p class="sh-search__meta">
          {hit.structure && (
            <a
              class="sh-link"
              href={href(`/search?${new URLSearchParams({ q, structure: hit.structure.code })}`)}
            >
              {t("search.byStructure", { name: plain(hit.structure.name) })}
            </a>
          )}
          {hit.structure && hit.governorate && " · "}
          {hit.governorate && <span>{plain(hit.governorate.name)}</span>}
        </p>
      )}
    </li>
  );
}

/** The portal's search: the form, counts per kind, the results with their excerpts, and pages. */
export function SearchPage({ filters, result, kinds, governorates }: SearchPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const q = filters.q;
  const labelOf = new Map(kinds.map((k) => [k.kind, t(k.labelKey)]));
  const countOf = new Map(result.kinds.map((k) => [k.key, k.count]));
  const allCount = result.kinds.reduce((s, k) => s + k.count, 0);
  const allMore = result.kinds.some((k) => k.count > MAX_RESULTS);
  /** A kind's count, or "more than 1,000" past the results one can reach (the counts stop there). */
  const countText = (count: number) =>
    count > MAX_RESULTS
      ? t("search.countMore", { count: formatNumber(MAX_RESULTS, locale) })
      : formatNumber(count, locale);
  const link = (kind: string | undefined) => {
    const query = new URLSearchParams({ q });
    if (kind) query.set("kind", kind);
    if (filters.structure) query.set("structure", filters.structure.code);
    if (filters.place) query.set("place", filters.place);
    return href(`/search?${query}`);
  };
  const structureOptions = [
    ...(filters.structure ? [{ key: filters.structure, count: 0 }] : []),
    ...result.structures.filter((s) => s.key.code !== filters.structure?.code),
  ];
  return (
    <Layout title={q ? t("search.titleFor", { q }) : t("search.title")} description={t("search.lead")}>
      <Breadcrumbs items={[{ text: t("search.home"), href: href("/") }, { text: t("search.title") }]} />
      <h1 class="sh-heading-xl">{t("search.title")}</h1>
      <search aria-label={t("search.formLabel")}>
        <form method="get" action={href("/search")} class="sh-search__form">
          <div class="sh-directory-search">
            <TextInput id="search-q" name="q" type="search" value={q} label={t("search.label")} width={30} />
            <Button variant="primary">{t("search.button")}</Button>
          </div>
          <div class="sh-directory-search">
            <Select
              id="search-kind"
              name="kind"
              label={t("search.kindLabel")}
              value={filters.kind ?? ""}
              options={[
                { value: "", text: t("search.allKinds") },
                ...kinds.map((k) => ({ value: k.kind, text: t(k.labelKey) })),
              ]}
            />
            <Select
              id="search-place"
              name="place"
              label={t("search.placeLabel")}
              value={filters.place ?? ""}
              options={[
                { value: "", text: t("search.allPlaces") },
                ...governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
              ]}
            />
            <Select
              id="search-structure"
              name="structure"
              label={t("search.structureLabel")}
              value={filters.structure?.code ?? ""}
              options={[
                { value: "", text: t("search.allStructures") },
                ...structureOptions.map((s) => ({ value: s.key.code, text: plain(s.key.name) })),
              ]}
            />
          </div>
        </form>
      </search>
      {q && (
        <p class="sh-body-text" role="status">
          {result.more
            ? t(result.fuzzy ? "search.fuzzyMore" : "search.resultsMore", {
                count: formatNumber(MAX_RESULTS, locale),
                q,
              })
            : t(result.fuzzy ? "search.fuzzy" : "search.results", { count: result.total, q })}
        </p>
      )}
      {q && result.kinds.length > 0 && (
        <nav aria-label={t("search.kindsNav")}>
          <ul class="sh-tag-list sh-search__kinds">
            <li>
              <a class="sh-link" href={link(undefined)} aria-current={filters.kind ? undefined : "true"}>
                {allMore
                  ? t("search.kindCount", { kind: t("search.allKinds"), count: countText(allCount) })
                  : t("search.allKindsCount", { count: allCount })}
              </a>
            </li>
            {kinds
              .filter((k) => countOf.has(k.kind))
              .map((k) => (
                <li key={k.kind}>
                  <a
                    class="sh-link"
                    href={link(k.kind)}
                    aria-current={filters.kind === k.kind ? "true" : undefined}
                  >
                    {t("search.kindCount", {
                      kind: labelOf.get(k.kind) ?? k.kind,
                      count: countText(countOf.get(k.kind) ?? 0),
                    })}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      )}
      {q && result.total === 0 && (
        <EmptyState title={t("search.noResults", { q })}>
          <p class="sh-body-text">{t("search.noResultsText")}</p>
        </EmptyState>
      )}
      {result.hits.length > 0 && (
        <ol class="sh-search__hits">
          {result.hits.map((hit) => (
            <Hit
              key={`${hit.kind}-${hit.id}`}
              hit={hit}
              q={q}
              kindLabel={labelOf.get(hit.kind) ?? hit.kind}
            />
          ))}
        </ol>
      )}
      <Pagination page={result.page} totalPages={result.totalPages} label={t("search.pages")} />
    </Layout>
  );
}
