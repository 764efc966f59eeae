import type { ComponentChildren } from "preact";
import { Field, type FieldProps } from "../field/field.js";
import { cx } from "../util.js";

export interface ChoiceItem {
  value: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  disabled?: boolean;
}

/** The id of a group's n-th option: the first takes the field's id, so error summaries link to it. */
export function itemId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

/**
 * The options of a radio or checkbox group, each with its label and optional hint; `checked` tells
 * which are chosen.
 */
export function ChoiceItems(props: {
  type: "radio" | "checkbox";
  id: string;
  name: string;
  items: ChoiceItem[];
  checked: (value: string) => boolean;
}) {
  return (
    <>
      {props.items.map((item, index) => {
        const inputId = itemId(props.id, index);
        const hintId = item.hint ? `${inputId}-item-hint` : undefined;
        return (
          <div key={item.value} class="sh-choices__item">
            <input
              class="sh-choices__input"
              type={props.type}
              id={inputId}
              name={props.name}
              value={item.value}
              checked={props.checked(item.value)}
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
    </>
  );
}

export interface RadiosProps extends FieldProps {
  name: string;
  items: ChoiceItem[];
  /** The checked item's value. */
  value?: string;
  /** Side by side, for two short answers such as yes and no. */
  inline?: boolean;
}

/** One answer among a few: a fieldset whose legend is the question. */
export function Radios({ id, label, hint, error, labelSize, name, items, value, inline }: RadiosProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} labelSize={labelSize} group>
      <div class={cx("sh-choices", inline && "sh-choices--inline")}>
        <ChoiceItems type="radio" id={id} name={name} items={items} checked={(v) => v === value} />
      </div>
    </Field>
  );
}
