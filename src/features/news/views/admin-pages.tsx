import type { FieldErrors } from "../../../core/forms.js";
import { formatDate } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { boundFields } from "../../../core/views/bound-fields.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { Select } from "../../../core/views/components/select/select.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../core/views/components/table/table.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { NEWS_LIMITS, type NewsField } from "../commands/save-news.js";
import type { NewsItem } from "../queries.js";
import { newsCategory } from "../tables.js";

/** Where an item stands, as tags: draft or published, and pinned. */
function NewsState({ item }: { item: NewsItem }) {
  const { t } = usePage();
  return (
    <>
      {item.published ? (
        <StatusTag tone="success">{t("news.status.published")}</StatusTag>
      ) : (
        <StatusTag tone="warning">{t("news.status.draft")}</StatusTag>
      )}{" "}
      {item.pinned && <StatusTag tone="new">{t("news.pinned")}</StatusTag>}
    </>
  );
}

/** The news the actor writes, drafts first, then the newest. */
export function NewsAdminPage({ items, canCreate }: { items: NewsItem[]; canCreate: boolean }) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("news.admin.title")} section="news">
      <h1 class="sh-heading-xl">{t("news.admin.title")}</h1>
      {canCreate && <Button href={href("/admin/news/new")}>{t("news.admin.create")}</Button>}
      <Table
        id="news"
        caption={t("news.admin.caption")}
        head={[
          { text: t("news.admin.columns.title") },
          { text: t("news.admin.columns.structure") },
          { text: t("news.admin.columns.state") },
          { text: t("news.admin.columns.published") },
        ]}
        rows={items.map((item) => [
          <a key="t" class="sh-link" href={href(`/admin/news/${item.id}/edit`)}>
            <UserText>
              <Localized text={item.title} />
            </UserText>
          </a>,
          <Localized key="s" text={item.structure.name} />,
          <NewsState key="st" item={item} />,
          item.publishedAt ? formatDate(item.publishedAt, locale) : "",
        ])}
      />
    </AdminLayout>
  );
}

export type NewsValues = Partial<Record<NewsField, string>>;

const FIELDS: NewsField[] = [
  "structureId",
  "category",
  "titleAr",
  "titleFr",
  "titleEn",
  "summaryAr",
  "summaryFr",
  "summaryEn",
  "bodyAr",
  "bodyFr",
  "bodyEn",
  "image",
  "imageAltAr",
  "imageAltFr",
  "imageAltEn",
  "removeImage",
];

/** Writes a news item, or edits one (then also publishes, withdraws, pins or unpins it). */
export function NewsFormPage({
  item,
  values,
  errors,
  writers,
}: {
  item?: NewsItem;
  values: NewsValues;
  errors?: FieldErrors<NewsField>;
  writers: Array<{ id: string; name: LocalizedText }>;
}) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<NewsField, string>;
  const { message, Summary } = useFieldErrors(errors, ids);
  const field = boundFields(values, message);
  const label = (f: NewsField) => t(`news.fields.${f}`);
  const title = item ? t("news.admin.editTitle") : t("news.admin.create");
  const choose = { value: "", text: t("news.admin.choose") };
  return (
    <AdminLayout title={title} section="news">
      <Summary />
      <h1 class="sh-heading-xl">{title}</h1>
      {item && (
        <section aria-labelledby="publication-title" class="sh-inset">
          <h2 id="publication-title" class="sh-heading-m">
            {t("news.admin.publication")}
          </h2>
          <p class="sh-body-text">
            <NewsState item={item} />
          </p>
          <ButtonGroup>
            <Form
              action={`/admin/news/${item.id}/${item.published ? "unpublish" : "publish"}`}
              class="sh-inline-form"
            >
              <Button variant={item.published ? "warning" : "primary"}>
                {item.published ? t("news.admin.unpublish") : t("news.admin.publish")}
              </Button>
            </Form>
            <Form action={`/admin/news/${item.id}/${item.pinned ? "unpin" : "pin"}`} class="sh-inline-form">
              <Button variant="secondary">{item.pinned ? t("news.admin.unpin") : t("news.admin.pin")}</Button>
            </Form>
            <a class="sh-link" href={href(`/news/${item.id}`)}>
              {t("news.admin.view")}
            </a>
          </ButtonGroup>
        </section>
      )}
      <Form action={item ? `/admin/news/${item.id}/edit` : "/admin/news/new"} enctype="multipart/form-data">
        <Select
          id="structureId"
          name="structureId"
          label={label("structureId")}
          value={values.structureId}
          error={message("structureId")}
          options={[choose, ...writers.map((w) => ({ value: w.id, text: plain(w.name) }))]}
        />
        <Select
          id="category"
          name="category"
          label={label("category")}
          value={values.category}
          error={message("category")}
          options={[
            choose,
            ...newsCategory.enumValues.map((c) => ({ value: c, text: t(`news.category.${c}`) })),
          ]}
        />
        {field.text("titleAr", label("titleAr"), { dir: "rtl", hint: t("news.admin.arabicRequired") })}
        {field.text("titleFr", label("titleFr"), { dir: "ltr" })}
        {field.text("titleEn", label("titleEn"), { dir: "ltr" })}
        {(["summaryAr", "summaryFr", "summaryEn"] as const).map((f) =>
          field.area(f, label(f), { rows: 3, maxLength: NEWS_LIMITS.summary }),
        )}
        {(["bodyAr", "bodyFr", "bodyEn"] as const).map((f) =>
          field.area(f, label(f), { rows: 8, maxLength: NEWS_LIMITS.body }),
        )}
        {item?.imageKey && (
          <>
            <img class="sh-news__image" src={href(`/news/${item.id}/image`)} alt={plain(item.imageAlt)} />
            <Checkboxes
              id="removeImage"
              name="removeImage"
              label={t("news.fields.removeImage")}
              error={message("removeImage")}
              items={[{ value: "yes", label: t("news.admin.removeImage") }]}
              values={values.removeImage === "yes" ? ["yes"] : []}
            />
          </>
        )}
        <FileUpload
          id="image"
          name="image"
          label={label("image")}
          hint={t("news.admin.imageHint", { max: NEWS_LIMITS.imageBytes / 1024 / 1024 })}
          accept="image/*"
          error={message("image")}
        />
        {field.text("imageAltAr", label("imageAltAr"), { dir: "rtl", hint: t("news.admin.altHint") })}
        {field.text("imageAltFr", label("imageAltFr"), { dir: "ltr" })}
        {field.text("imageAltEn", label("imageAltEn"), { dir: "ltr" })}
        <Button>{item ? t("news.admin.save") : t("news.admin.saveDraft")}</Button>
      </Form>
    </AdminLayout>
  );
}
