import type { FieldErrors } from "../../../core/forms.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";

/** The iframe a structure pastes into its website. */
export function embedCode(
  publicUrl: string,
  lang: string,
  code: string,
  kind: string,
  title: string,
): string {
  return `<iframe src="${publicUrl}/${lang}/widgets/${code}/${kind}" title="${title.replace(/"/g, "&quot;")}" width="100%" height="420" style="border:0" loading="lazy"></iframe>`;
}

/** The widget builder: pick a structure, set the sites allowed to show its widgets, copy the code. */
export function BuilderPage({
  structures,
  selected,
  origins,
  errors,
  publicUrl,
  kinds,
}: {
  structures: Array<{ id: string; code: string; name: LocalizedText }>;
  selected: { id: string; code: string; name: LocalizedText } | null;
  /** As typed (after an error) or as stored, one per line. */
  origins: string;
  errors?: FieldErrors<"origins">;
  publicUrl: string;
  /** The widget kinds every feature offers (`widgets` in its manifest), in order. */
  kinds: Array<{ kind: string; titleKey: string }>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { message, Summary } = useFieldErrors(errors, { origins: "origins" });
  return (
    <AdminLayout title={t("widgets.builder.title")} section="widgets">
      <Summary />
      <h1 class="sh-heading-xl">{t("widgets.builder.title")}</h1>
      <p class="sh-lead">{t("widgets.builder.lead")}</p>
      <form method="get" action={href("/admin/widgets")} class="sh-directory-search">
        <Select
          id="structure"
          name="structure"
          label={t("widgets.builder.structure")}
          value={selected?.id ?? ""}
          options={[
            { value: "", text: t("widgets.builder.choose") },
            ...structures.map((s) => ({ value: s.id, text: plain(s.name) })),
          ]}
        />
        <Button variant="secondary">{t("widgets.builder.show")}</Button>
      </form>
      {selected && (
        <>
          <h2 class="sh-heading-l">{t("widgets.builder.originsTitle")}</h2>
          <Form action={`/admin/widgets/${selected.id}/origins`}>
            <Textarea
              id="origins"
              name="origins"
              label={t("widgets.builder.originsLabel")}
              hint={t("widgets.builder.originsHint")}
              value={origins}
              error={message("origins")}
              rows={4}
            />
            <Button>{t("widgets.builder.saveOrigins")}</Button>
          </Form>
          <h2 class="sh-heading-l">{t("widgets.builder.codeTitle")}</h2>
          {kinds.map(({ kind, titleKey }) => {
            const title = `${t(titleKey)} · ${plain(selected.name)}`;
            return (
              <section key={kind} aria-labelledby={`kind-${kind}`}>
                <h3 id={`kind-${kind}`} class="sh-heading-m">
                  {t(titleKey)}
                </h3>
                <Textarea
                  id={`code-${kind}`}
                  name={`code-${kind}`}
                  label={t("widgets.builder.copy")}
                  value={embedCode(publicUrl, locale, selected.code, kind, title)}
                  rows={3}
                />
                <p class="sh-body-text">
                  {LOCALES.map((l) => (
                    <a
                      key={l}
                      class="sh-link sh-widget-preview"
                      href={`/${l}/widgets/${selected.code}/${kind}`}
                      hrefLang={l}
                      lang={l}
                    >
                      {t("widgets.builder.preview", { lang: l.toUpperCase() })}
                    </a>
                  ))}
                </p>
              </section>
            );
          })}
        </>
      )}
    </AdminLayout>
  );
}
