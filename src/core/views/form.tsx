import type { ComponentChildren } from "preact";
import type { FieldErrors } from "../forms.js";
import { formatDate } from "../i18n/format.js";
import type { Locale } from "../i18n/localized.js";
import { ErrorSummary } from "./components/error-summary/error-summary.js";
import { usePage } from "./context.js";

/** A POST form with its CSRF token. `action` is locale-relative ("/sign-in"). */
export function Form({
  action,
  children,
  enctype,
  class: className,
}: {
  action: string;
  children: ComponentChildren;
  enctype?: "multipart/form-data";
  class?: string;
}) {
  const { locale, csrfToken } = usePage();
  return (
    <form method="post" action={`/${locale}${action}`} enctype={enctype} class={className} noValidate>
      <input type="hidden" name="_csrf" value={csrfToken()} />
      {children}
    </form>
  );
}

/** A field error's values for its message: a Date reads as a date in the page's language, never as ISO. */
function errorValues(values: Record<string, unknown> | undefined, locale: Locale) {
  if (!values) return values;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v instanceof Date ? formatDate(v, locale) : v]),
  );
}

/**
 * Translates field errors for the page. `ids` maps a field name to its control's id. The errors
 * join the page's error summary (which the layout shows at the top of <main>) as soon as this is
 * called, so a form far down a page cannot leave them unannounced; `<Summary />` is only needed
 * where a page is rendered outside reply.render. `summaryText` words an item of the summary when
 * the inline message needs its context (e.g. which question).
 */
export function useFieldErrors<K extends string>(
  errors: FieldErrors<K> | undefined,
  ids: Record<K, string>,
  summaryText?: (field: K, error: NonNullable<FieldErrors<K>[K]>) => string,
) {
  const { t, locale, pageErrors } = usePage();
  const message = (field: K) => {
    const e = errors?.[field];
    return e ? t(e.key, errorValues(e.values, locale)) : undefined;
  };
  const summary = (Object.keys(ids) as K[])
    .filter((field) => errors?.[field])
    .map((field) => ({
      fieldId: ids[field],
      message: summaryText ? summaryText(field, errors![field]!) : message(field)!,
    }));
  if (pageErrors) pageErrors.items.push(...summary);
  return { message, Summary: () => <ErrorSummary errors={summary} /> };
}
