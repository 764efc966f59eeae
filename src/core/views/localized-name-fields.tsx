import { TextInput } from "./components/text-input/text-input.js";

export type NameField = "nameAr" | "nameFr" | "nameEn";

/**
 * A name in the three languages of the platform, one input each, written in its own direction.
 * The feature supplies the labels (its own wording) and the values and errors of its form.
 */
export function LocalizedNameFields({
  labels,
  values,
  message,
}: {
  labels: Record<NameField, string>;
  values: Partial<Record<NameField, string>>;
  message: (field: NameField) => string | undefined;
}) {
  const input = (field: NameField, dir: "rtl" | "ltr") => (
    <TextInput
      id={field}
      name={field}
      label={labels[field]}
      value={values[field]}
      error={message(field)}
      dir={dir}
    />
  );
  return (
    <>
      {input("nameAr", "rtl")}
      {input("nameFr", "ltr")}
      {input("nameEn", "ltr")}
    </>
  );
}
