import { Field, type FieldProps } from "../field/field.js";
import { type ChoiceItem, itemId } from "../radios/radios.js";

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
        {items.map((item, index) => {
          const inputId = itemId(id, index);
          const hintId = item.hint ? `${inputId}-item-hint` : undefined;
          return (
            <div key={item.value} class="sh-choices__item">
              <input
                class="sh-choices__input"
                type="checkbox"
                id={inputId}
                name={name}
                value={item.value}
                checked={values.includes(item.value)}
                disabled={item.disabled}
                aria-describedby={hintId}
              />
              <label class="sh-choices__label" for={inputId}>
                {item.label}
              </label>
              {hintId && (
                <div id={hintId} class="sh-hint sh-choices__hint">
                  {item.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Field>
  );
}
