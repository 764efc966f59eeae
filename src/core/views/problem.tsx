import type { ComponentChildren } from "preact";

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
  return (
    <div
      class="sh-error-summary"
      role="alert"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-module="sh-error-summary"
    >
      <h2 id={`${id}-title`} class="sh-error-summary__title">
        {title}
      </h2>
      {children && <div class="sh-error-summary__body">{children}</div>}
    </div>
  );
}
