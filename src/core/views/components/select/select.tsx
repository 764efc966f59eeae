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

/** A drop-down list. Prefer radios for fewer than about eight options. */
export function Select({
  id,
  label,
  hint,
  error,
  labelSize,
  name,
  options,
  value,
  disabled,
  autocomplete,
}: SelectProps) {
  const { describedBy } = fieldIds(id, { hint, error });
  return (
    <Field id={id} label={label} hint={hint} error={error} labelSize={labelSize}>
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
          >
            {option.text}
          </option>
        ))}
      </select>
    </Field>
  );
}
