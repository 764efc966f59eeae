import { Field, type FieldProps, fieldIds } from "../field/field.js";
import { cx } from "../util.js";

export interface FileUploadProps extends FieldProps {
  name: string;
  /** Accepted types, e.g. ".pdf,.jpg,.png" or "image/*". Say them in the hint too. */
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
}

/** A file input. Its form needs enctype="multipart/form-data". */
export function FileUpload({
  id,
  label,
  hint,
  error,
  labelSize,
  name,
  accept,
  multiple,
  disabled,
}: FileUploadProps) {
  const { describedBy } = fieldIds(id, { hint, error });
  return (
    <Field id={id} label={label} hint={hint} error={error} labelSize={labelSize}>
      <input
        id={id}
        name={name}
        type="file"
        class={cx("sh-file-upload", error && "sh-file-upload--error")}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? "true" : undefined}
      />
    </Field>
  );
}
