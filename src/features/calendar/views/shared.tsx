import { INTL_TAG } from "../../../core/i18n/catalog.js";
import { type Locale, type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { type AdminAbilities, AdminLayout } from "../../admin/views/admin-layout.js";

/** Text published in three languages, marked with its language when it falls back to another. */
export function Localized({ text }: { text: LocalizedText | null | undefined }) {
  const { locale } = usePage();
  const picked = pickLocalized(text, locale);
  if (picked.lang === locale) return <>{picked.text}</>;
  return (
    <span lang={picked.lang} dir={picked.lang === "ar" ? "rtl" : "ltr"}>
      {picked.text}
    </span>
  );
}

/** A calendar day ("YYYY-MM-DD") in words, with its weekday: "vendredi 20 mars 2026". */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A fixed holiday's month and day in words: "20 mars". */
export function formatMonthDay(month: number, day: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, day)),
  );
}

/** A month's name in the page's language (Tunisian Arabic uses جانفي, فيفري…). */
export function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** "Are you sure?" before removing a holiday or an override. */
export function ConfirmPage({
  abilities,
  title,
  body,
  action,
  back,
  backText,
  submit,
}: {
  abilities: AdminAbilities;
  title: string;
  body: string;
  /** Locale-relative form action. */
  action: string;
  /** Locale-relative page to go back to. */
  back: string;
  backText: string;
  submit: string;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={title} section="settings" abilities={abilities}>
      <Breadcrumbs
        items={[
          { text: t("admin.nav.home"), href: href("/admin") },
          { text: backText, href: href(back) },
          { text: title },
        ]}
      />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-body-text">{body}</p>
      <Form action={action}>
        <ButtonGroup>
          <Button variant="warning">{submit}</Button>
          <a class="sh-link" href={href(back)}>
            {t("calendar.cancel")}
          </a>
        </ButtonGroup>
      </Form>
    </AdminLayout>
  );
}
