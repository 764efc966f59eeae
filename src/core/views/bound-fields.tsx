import { TextInput, type TextInputProps } from "./components/text-input/text-input.js";
import { Textarea, type TextareaProps } from "./components/textarea/textarea.js";

type Extra<P> = Partial<Omit<P, "id" | "name" | "label" | "value" | "error">>;

/**
 * The text fields of a form whose field names are also their element ids (an admin form): each is
 * bound to the value sent back and to its error, so a field reads `text("nameAr", label)`.
 */
export function boundFields<F extends string>(
  values: Partial<Record<F, string>>,
  message: (field: F) => string | undefined,
) {
  const bind = (field: F, label: string) => ({
    id: field,
    name: field,
    label,
    value: values[field],
    error: message(field),
  });
  return {
    text: (field: F, label: string, extra: Extra<TextInputProps> = {}) => (
      <TextInput {...bind(field, label)} {...extra} />
    ),
    area: (field: F, label: string, extra: Extra<TextareaProps> = {}) => (
      <Textarea {...bind(field, label)} {...extra} />
    ),
  };
}
