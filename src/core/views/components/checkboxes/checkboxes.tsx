import { Field, type FieldProps } from "../field/field.js";
import { type ChoiceItem, ChoiceItems } from "../radios/radios.js";

export interface CheckboxesProps extends FieldProps {
  name: string;
  items: ChoiceItem[];
  /** The checked items' values. */
  values?: string[];
}

/** Any number of answers among a few: a fieldset whose legend is the question. */
export function Checkboxes({ id, label, hint, error, labelSize, name, items, values = [] }: CheckboxesProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} labelSize={labelSize} group>
      <div class="sh-choices sh-choices--checkboxes">
        <ChoiceItems type="checkbox" id={id} name={name} items={items} checked={(v) => values.includes(v)} />
      </div>
    </Field>
  );
}
