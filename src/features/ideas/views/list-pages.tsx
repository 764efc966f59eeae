import type { FieldErrors } from "../../../core/forms.js";
import { formatNumber } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Card } from "../../../core/views/components/card/card.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import type { IdeaField, IdeaInput } from "../commands/submit-idea.js";
import type { findSimilarIdeas, IdeaFilters, IdeaListRow } from "../queries.js";
import { IDEA_STATUSES, LIMITS, SIMILAR_MIN_LENGTH, SORTS } from "../rules.js";
import { IdeaStatusTag } from "./parts.js";

type Named = { code: string; name: LocalizedText };

export interface ListOptions {
  structures: Named[];
  themes: Named[];
  areas: Named[];
}

export function IdeasPage({
  rows,
  total,
  filters,
  totalPages,
  options,
}: {
  rows: IdeaListRow[];
  total: number;
  filters: IdeaFilters;
  totalPages: number;
  options: ListOptions;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const name = usePlainName();
  const any = { value: "", text: t("ideas.list.any") };
  return (
    <Layout
      title={t("ideas.list.title")}
      feeds={[{ title: t("ideas.feeds.new"), path: "/feeds/ideas.atom" }]}
    >
      <h1 class="sh-heading-xl">{t("ideas.list.title")}</h1>
      <p class="sh-lead">{t("ideas.list.lead")}</p>
      <p>
        <Button href={href("/ideas/new")}>{t("ideas.list.propose")}</Button>
      </p>
      <form method="get" action={href("/ideas")} class="sh-filters" aria-label={t("ideas.list.filters")}>
        <Select
          id="sort"
          name="sort"
          label={t("ideas.list.sort")}
          value={filters.sort}
          options={SORTS.map((s) => ({ value: s, text: t(`ideas.sort.${s}`) }))}
        />
        <Select
          id="structure"
          name="structure"
          label={t("ideas.fields.structure")}
          value={filters.structure ?? ""}
          options={[any, ...options.structures.map((s) => ({ value: s.code, text: name(s.name) }))]}
        />
        <Select
          id="theme"
          name="theme"
          label={t("ideas.fields.theme")}
          value={filters.theme ?? ""}
          options={[any, ...options.themes.map((s) => ({ value: s.code, text: name(s.name) }))]}
        />
        <Select
          id="area"
          name="area"
          label={t("ideas.fields.area")}
          value={filters.area ?? ""}
          options={[any, ...options.areas.map((s) => ({ value: s.code, text: name(s.name) }))]}
        />
        <Select
          id="status"
          name="status"
          label={t("ideas.list.status")}
          value={filters.status ?? ""}
          options={[any, ...IDEA_STATUSES.map((s) => ({ value: s, text: t(`ideas.status.${s}`) }))]}
        />
        <Button variant="secondary">{t("ideas.list.apply")}</Button>
      </form>
      <p role="status">{t("ideas.list.count", { count: total })}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("ideas.list.empty")} />
      ) : (
        <ul class="sh-card-list">
          {rows.map((r) => (
            <li key={r.id}>
              <Card
                title={r.title}
                href={href(`/ideas/${r.id}`)}
                meta={[name(r.structureName) || name(r.themeName), name(r.areaName)]
                  .filter(Boolean)
                  .join(" · ")}
                tag={<IdeaStatusTag status={r.status} />}
              >
                <p>
                  {t("ideas.supports.count", {
                    count: r.supportCount,
                    n: formatNumber(r.supportCount, locale),
                  })}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filters.page} totalPages={totalPages} />
    </Layout>
  );
}

export interface NewIdeaProps {
  values: IdeaInput;
  errors?: FieldErrors<IdeaField>;
  similar?: Awaited<ReturnType<typeof findSimilarIdeas>>;
  options: ListOptions;
  submissionKey: string;
}

export function NewIdeaPage({ values, errors, similar, options, submissionKey }: NewIdeaProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const name = usePlainName();
  const { message, Summary } = useFieldErrors(errors, {
    form: "title",
    title: "title",
    description: "description",
    structure: "structure",
    theme: "theme",
    area: "area",
    image: "image",
  });
  const none = { value: "", text: t("ideas.list.none") };
  return (
    <Layout title={t("ideas.new.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("ideas.new.title")}</h1>
      <p class="sh-lead">{t("ideas.new.lead")}</p>
      <Form action="/ideas" enctype="multipart/form-data">
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <TextInput
          id="title"
          name="title"
          label={t("ideas.fields.title")}
          hint={t("ideas.new.titleHint", LIMITS.title)}
          value={values.title}
          error={message("title") ?? message("form")}
        />
        {/* With JavaScript, sharek.js updates the list as the title is typed; the button stays. */}
        <div
          data-module="sh-similar-ideas"
          data-source={href("/ideas/similar")}
          data-field="title"
          data-min-length={SIMILAR_MIN_LENGTH}
        >
          <button
            class="sh-button sh-button--secondary"
            type="submit"
            formmethod="get"
            formaction={href("/ideas/new")}
            formnovalidate
          >
            {t("ideas.new.checkSimilar")}
          </button>
          <div class="sh-similar sh-js-similar-list" aria-live="polite">
            {similar && <SimilarIdeas similar={similar} />}
          </div>
        </div>
        <Textarea
          id="description"
          name="description"
          label={t("ideas.fields.description")}
          hint={t("ideas.new.descriptionHint", LIMITS.description)}
          value={values.description}
          error={message("description")}
          rows={8}
          maxLength={LIMITS.description.max}
        />
        <Select
          id="structure"
          name="structure"
          label={t("ideas.fields.structure")}
          hint={t("ideas.new.addresseeHint")}
          value={values.structure ?? ""}
          error={message("structure")}
          options={[none, ...options.structures.map((s) => ({ value: s.code, text: name(s.name) }))]}
        />
        <Select
          id="theme"
          name="theme"
          label={t("ideas.fields.theme")}
          value={values.theme ?? ""}
          error={message("theme")}
          options={[none, ...options.themes.map((s) => ({ value: s.code, text: name(s.name) }))]}
        />
        <Select
          id="area"
          name="area"
          label={t("ideas.fields.area")}
          value={values.area ?? ""}
          error={message("area")}
          options={[none, ...options.areas.map((s) => ({ value: s.code, text: name(s.name) }))]}
        />
        <FileUpload
          id="image"
          name="image"
          label={t("ideas.fields.image")}
          hint={t("ideas.new.imageHint", { max: formatSize(LIMITS.imageBytes, locale) })}
          accept="image/*"
          error={message("image")}
        />
        <Button>{t("ideas.new.submit")}</Button>
      </Form>
    </Layout>
  );
}

const formatSize = (bytes: number, locale: "ar" | "fr" | "en") => formatNumber(bytes / 1024 / 1024, locale);

export function SimilarIdeas({ similar }: { similar: Awaited<ReturnType<typeof findSimilarIdeas>> }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <>
      <p>{t("ideas.new.similar", { count: similar.length })}</p>
      {similar.length > 0 && (
        <ul class="sh-list">
          {similar.map((s) => (
            <li key={s.id}>
              <a href={href(`/ideas/${s.id}`)}>
                <UserText>{s.title}</UserText>
              </a>{" "}
              · {t("ideas.supports.count", { count: s.supportCount })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
