import type { ComponentChildren } from "preact";
import { usePage } from "../../context.js";
import { Heading, type HeadingLevel } from "../util.js";

export interface FieldError {
  /** The id of the field's control (for radios and checkboxes, the first option). */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: FieldError[];
  /** Defaults to "There is a problem". */
  title?: string;
  /** Defaults to "error-summary"; must be unique on the page. */
  id?: string;
  headingLevel?: HeadingLevel;
  /** An optional sentence before the list. */
  children?: ComponentChildren;
  /**
   * Where it stands. "form" (default): where the page put it; on a page rendered by reply.render, its
   * items go instead into the one summary the layout shows at the top of <main>. "page": that summary.
   */
  placement?: "form" | "page";
}

/**
 * The list of everything wrong with a submitted form, at the top of the page, each linking to its
 * field. It takes the focus when the page loads (autofocus, and sharek.js). Renders nothing without
 * errors. Pages rendered by reply.render gather every summary into one, at the top of <main>.
 */
export function ErrorSummary({
  errors,
  title,
  id = "error-summary",
  headingLevel = 2,
  children,
  placement = "form",
}: ErrorSummaryProps) {
  const { t, pageErrors } = usePage();
  if (errors.length === 0) return null;
  if (pageErrors && placement === "form") {
    pageErrors.items.push(...errors);
    return null;
  }
  const titleId = `${id}-title`;
  return (
    <div
      id={id}
      class="sh-error-summary"
      data-module="sh-error-summary"
      tabIndex={-1}
      aria-labelledby={titleId}
      role="alert"
      // biome-ignore lint/a11y/noAutofocus: a page sent back with errors must say so first, without JavaScript too (sharek.js focuses it as well)
      autoFocus={placement === "page" || undefined}
    >
      <Heading level={headingLevel} id={titleId} class="sh-error-summary__title">
        {title ?? t("views.errorSummary.title")}
      </Heading>
      <div class="sh-error-summary__body">
        {children}
        <ul class="sh-error-summary__list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a class="sh-error-summary__link" href={`#${error.fieldId}`}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
