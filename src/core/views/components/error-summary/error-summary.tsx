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
}

/**
 * The list of everything wrong with a submitted form, at the top of the page, each linking to its
 * field. sharek.js moves the focus to it when the page loads. Renders nothing without errors.
 */
export function ErrorSummary({
  errors,
  title,
  id = "error-summary",
  headingLevel = 2,
  children,
}: ErrorSummaryProps) {
  const { t } = usePage();
  if (errors.length === 0) return null;
  const titleId = `${id}-title`;
  return (
    <div
      id={id}
      class="sh-error-summary"
      data-module="sh-error-summary"
      tabIndex={-1}
      aria-labelledby={titleId}
      role="alert"
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
