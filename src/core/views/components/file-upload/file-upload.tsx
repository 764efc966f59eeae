import { usePage } from "../../context.js";
import { Field, type FieldProps, fieldIds } from "../field/field.js";
import { cx } from "../util.js";

export interface FileUploadProps extends FieldProps {
  name: string;
  /** Accepted types, e.g. ".pdf,.jpg,.png" or "image/*". Say them in the hint too. */
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
}

/**
 * A file input that speaks the page's language. The browser's own button and "No file chosen"
 * follow the browser's language, not the page's, so the native input is visually hidden (it stays
 * focusable, its focus drawn on the button) and a label styled as a button opens it; a status line
 * in the page's language describes it. Without JavaScript the status follows the input through
 * CSS (`required` makes an empty input :invalid; the form is sent with novalidate, so it never
 * blocks); sharek.js (sh-file-upload) drops `required` and writes the chosen files' names.
 * Its form needs enctype="multipart/form-data".
 */
export function FileUpload({ name, accept, multiple, disabled, ...field }: FileUploadProps) {
  // The label, hint and error go to the shared Field as they are.
  const { id, error } = field;
  const { t } = usePage();
  const statusId = `${id}-status`;
  const { describedBy } = fieldIds(id, field, statusId);
  return (
    <Field {...field}>
      <div class={cx("sh-file-upload", error && "sh-file-upload--error")} data-module="sh-file-upload">
        <input
          id={id}
          name={name}
          type="file"
          class="sh-file-upload__input sh-js-file-upload-input"
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          required
          aria-describedby={describedBy}
          aria-invalid={error ? "true" : undefined}
        />
        {/* Opens the picker on click; hidden from the accessibility tree, the input keeps its own label. */}
        <label for={id} class="sh-button sh-button--secondary sh-file-upload__button" aria-hidden="true">
          {t(multiple ? "views.fileUpload.chooseMany" : "views.fileUpload.chooseOne")}
        </label>
        <span id={statusId} class="sh-file-upload__status">
          <span class="sh-file-upload__none sh-js-file-upload-none">{t("views.fileUpload.none")}</span>
          <span class="sh-file-upload__chosen sh-js-file-upload-chosen">
            {t(multiple ? "views.fileUpload.chosenMany" : "views.fileUpload.chosenOne")}
          </span>
        </span>
      </div>
    </Field>
  );
}
