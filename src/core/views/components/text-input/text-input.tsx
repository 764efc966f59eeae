import { Field, type FieldProps, fieldIds } from "../field/field.js";
import { cx } from "../util.js";

export interface TextInputProps extends FieldProps {
  name: string;
  value?: string;
  type?: "text" | "email" | "tel" | "url" | "number" | "search" | "password" | "datetime-local";
  autocomplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email" | "tel" | "url" | "search";
  /** The input's width in characters; full width when unset. */
  width?: 2 | 4 | 5 | 10 | 20 | 30;
  spellcheck?: boolean;
  disabled?: boolean;
  /** Text direction of the value; emails and web addresses are always left to right. */
  dir?: "ltr" | "rtl" | "auto";
}

/** A one-line text input with its label, hint and error message. */
export function TextInput({
  name,
  value,
  type = "text",
  autocomplete,
  inputMode,
  width,
  spellcheck,
  disabled,
  dir,
  ...field
}: TextInputProps) {
  // The label, hint and error go to the shared Field as they are.
  const { id, error } = field;
  const { describedBy } = fieldIds(id, field);
  const direction = dir ?? (type === "email" || type === "url" ? "ltr" : undefined);
  return (
    <Field {...field}>
      <input
        id={id}
        name={name}
        type={type as "text"}
        value={value}
        class={cx("sh-input", width && `sh-input--width-${width}`, error && "sh-input--error")}
        autocomplete={autocomplete}
        inputMode={inputMode}
        spellcheck={spellcheck ?? (type === "email" || type === "url" ? false : undefined)}
        disabled={disabled}
        dir={direction}
        aria-describedby={describedBy}
        aria-invalid={error ? "true" : undefined}
      />
    </Field>
  );
}

/**
 * An e-mail address: a TextInput of type "email" (left to right, no spell checking), whose id is
 * its name unless the form needs another.
 */
export function EmailInput({ id, ...props }: Omit<TextInputProps, "type" | "id"> & { id?: string }) {
  return <TextInput {...props} id={id ?? props.name} type="email" />;
}
