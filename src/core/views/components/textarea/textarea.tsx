import { IntlMessageFormat } from "intl-messageformat";
import { INTL_TAG, messagesFor } from "../../../i18n/catalog.js";
import type { Locale } from "../../../i18n/localized.js";
import { usePage } from "../../context.js";
import { Field, type FieldProps, fieldIds, Hint } from "../field/field.js";
import { cx } from "../util.js";

export interface TextareaProps extends FieldProps {
  name: string;
  value?: string;
  rows?: number;
  /** The most characters accepted: shows "You can enter up to N characters", counted live by sharek.js. */
  maxLength?: number;
  disabled?: boolean;
  autocomplete?: string;
}

/** A multi-line text area, with an optional character count. */
export function Textarea({
  name,
  value,
  rows = 5,
  maxLength,
  disabled,
  autocomplete,
  ...fieldProps
}: TextareaProps) {
  // The label, hint and error go to the shared Field as they are.
  const { id, error } = fieldProps;
  const { t, locale } = usePage();
  const countId = maxLength ? `${id}-info` : undefined;
  const { describedBy } = fieldIds(id, fieldProps, countId);
  const over = maxLength !== undefined && value !== undefined && [...value].length > maxLength;
  const field = (
    <Field {...fieldProps} class={maxLength ? "sh-character-count" : undefined}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        class={cx("sh-textarea", (error || over) && "sh-textarea--error")}
        disabled={disabled}
        autocomplete={autocomplete}
        aria-describedby={describedBy}
        aria-invalid={error ? "true" : undefined}
      >
        {value}
      </textarea>
      {countId && maxLength !== undefined && (
        <Hint id={countId}>
          <span class="sh-js-character-count-message">
            {t("views.characterCount.limit", { count: maxLength })}
          </span>
        </Hint>
      )}
    </Field>
  );
  if (!maxLength) return field;
  return (
    <div
      class="sh-character-count-module"
      data-module="sh-character-count"
      data-maxlength={String(maxLength)}
      data-locale={INTL_TAG[locale]}
      data-remaining={JSON.stringify(pluralBranches(locale, "views.characterCount.remaining"))}
      data-over={JSON.stringify(pluralBranches(locale, "views.characterCount.tooMany"))}
    >
      {field}
    </div>
  );
}

/** The parts of a parsed ICU message that a plural message is made of (intl-messageformat's AST). */
type Element =
  | { type: 0; value: string } // literal
  | { type: 1 | 2; value: string } // {count} or {count, number}
  | { type: 6; value: string; options: Record<string, { value: Element[] }> } // plural
  | { type: 7 } // # inside a plural branch
  | { type: number };

function text(elements: Element[], variable: string): string {
  return elements
    .map((el) => {
      if (el.type === 0 && "value" in el) return el.value;
      if (el.type === 7) return "#";
      if ((el.type === 1 || el.type === 2) && "value" in el && el.value === variable) return "#";
      throw new Error("unsupported element in a counted message");
    })
    .join("");
}

/**
 * Spells out each branch of a one-plural ICU message ("=0", "zero", "one", "two", "few", "many",
 * "other"), with "#" where the number goes, so sharek.js can pick the branch with Intl.PluralRules
 * without shipping an ICU parser.
 */
export function pluralBranches(locale: Locale, key: string, variable = "count"): Record<string, string> {
  const message = messagesFor(locale)[key];
  if (!message) throw new Error(`missing message ${key}`);
  const ast = new IntlMessageFormat(message, INTL_TAG[locale]).getAst() as Element[];
  const at = ast.findIndex((el) => el.type === 6);
  const plural = ast[at] as Extract<Element, { type: 6 }> | undefined;
  if (!plural || plural.value !== variable) throw new Error(`${key} is not a plural of ${variable}`);
  const before = text(ast.slice(0, at), variable);
  const after = text(ast.slice(at + 1), variable);
  return Object.fromEntries(
    Object.entries(plural.options).map(([branch, option]) => [
      branch,
      before + text(option.value, variable) + after,
    ]),
  );
}
