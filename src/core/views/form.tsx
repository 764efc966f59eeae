import type { ComponentChildren } from "preact";
import type { FieldErrors } from "../forms.js";
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

/** Translates field errors for the page. `ids` maps a field name to its control's id. */
export function useFieldErrors<K extends string>(errors: FieldErrors<K> | undefined, ids: Record<K, string>) {
  const { t } = usePage();
  const message = (field: K) => {
    const e = errors?.[field];
    return e ? t(e.key, e.values) : undefined;
  };
  const summary = (Object.keys(ids) as K[])
    .filter((field) => errors?.[field])
    .map((field) => ({ fieldId: ids[field], message: message(field)! }));
  return { message, Summary: () => <ErrorSummary errors={summary} /> };
}
