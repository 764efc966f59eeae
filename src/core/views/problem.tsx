import type { ComponentChildren } from "preact";
import { usePage } from "./context.js";

/**
 * A problem with the whole request rather than one field (too many attempts, not possible in this
 * state), announced like an error summary but with no field to link to.
 */
export function Problem({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children?: ComponentChildren;
}) {
  const { pageErrors } = usePage();
  if (pageErrors) pageErrors.problem = true;
  return (
    <div
      class="sh-error-summary"
      role="alert"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-module="sh-error-summary"
      // biome-ignore lint/a11y/noAutofocus: a refused request must say so first, without JavaScript too (the layout's error summary, above it, wins when there is one: the first autofocus does)
      autoFocus
    >
      <h2 id={`${id}-title`} class="sh-error-summary__title">
        {title}
      </h2>
      {children && <div class="sh-error-summary__body">{children}</div>}
    </div>
  );
}
