import type { ComponentChildren } from "preact";
import { usePage } from "../../context.js";
import { cx } from "../util.js";

/** The label, hint and error every form control shares. */
export interface FieldProps {
  /** The control's id (for a group, the first option's id): error summaries link to it. */
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** The message shown when the entered value is wrong; marks the control invalid. */
  error?: string;
  /** s: bold body text (default); m and l: for a question that is the page's only field. */
  labelSize?: "s" | "m" | "l";
}

/** Ids of a field's hint and error message, and the aria-describedby value joining them. */
export function fieldIds(
  id: string,
  { hint, error }: { hint?: ComponentChildren; error?: string },
  ...extra: Array<string | undefined>
): { hintId?: string; errorId?: string; describedBy?: string } {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, ...extra].filter(Boolean).join(" ") || undefined;
  return { hintId, errorId, describedBy };
}

export function Hint({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div id={id} class="sh-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <p id={id} class="sh-error-message">
      <span class="sh-visually-hidden">{t("views.field.errorPrefix")} </span>
      {children}
    </p>
  );
}

interface FieldWrapperProps extends FieldProps {
  /** A group of radios or checkboxes: a fieldset whose legend is the label. */
  group?: boolean;
  /** For a group: ids the fieldset is also described by. */
  describedBy?: string;
  class?: string;
  children: ComponentChildren;
}

/**
 * Wraps a control with its label (or legend), hint and error message, in that order, so every
 * form reads the same way. The control itself sets aria-describedby from fieldIds().
 */
export function Field({
  id,
  label,
  hint,
  error,
  labelSize = "s",
  group,
  describedBy,
  class: className,
  children,
}: FieldWrapperProps) {
  const { hintId, errorId } = fieldIds(id, { hint, error });
  const details = (
    <>
      {hintId && <Hint id={hintId}>{hint}</Hint>}
      {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </>
  );
  const classes = cx("sh-field", error && "sh-field--error", className);
  if (group) {
    const ids = [hintId, errorId, describedBy].filter(Boolean).join(" ") || undefined;
    return (
      <div class={classes}>
        <fieldset class="sh-fieldset" aria-describedby={ids}>
          <legend class={`sh-fieldset__legend sh-fieldset__legend--${labelSize}`}>{label}</legend>
          {details}
          {children}
        </fieldset>
      </div>
    );
  }
  return (
    <div class={classes}>
      <label class={`sh-label sh-label--${labelSize}`} for={id}>
        {label}
      </label>
      {details}
      {children}
    </div>
  );
}
