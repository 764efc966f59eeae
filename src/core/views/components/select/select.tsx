import { Field, type FieldProps, fieldIds } from "../field/field.js";
import { cx } from "../util.js";

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps extends FieldProps {
  name: string;
  options: SelectOption[];
  /** The selected option's value. */
  value?: string;
  disabled?: boolean;
  autocomplete?: string;
}

/**
 * A drop-down list. Prefer radios for fewer than about eight options. Each option takes its direction
 * from its own text, as an option may name something in another script than the page.
 */
export function Select({ name, options, value, disabled, autocomplete, ...field }: SelectProps) {
  // The label, hint and error go to the shared Field as they are.
  const { id, error } = field;
  const { describedBy } = fieldIds(id, field);
  return (
    <Field {...field}>
      <select
        id={id}
        name={name}
        class={cx("sh-select", error && "sh-select--error")}
        disabled={disabled}
        autocomplete={autocomplete}
        aria-describedby={describedBy}
        aria-invalid={error ? "true" : undefined}
      >
        {options.map((option) => (
          <option
            key={option.value}
            value={option.value}
            selected={option.value === value}
            disabled={option.disabled}
            dir="auto"
          >
            {option.text}
          </option>
        ))}
      </select>
    </Field>
  );
}
