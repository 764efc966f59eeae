import type { Example, ExampleContext } from "../example.js";
import { Field, fieldIds } from "./field.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

/** A control of the page's own (here a native date input) inside the shared field pattern. */
function DateField(ctx: ExampleContext, options: { hint?: boolean; error?: boolean }) {
  const id = ctx.id("incident-date");
  const hint = options.hint ? s(ctx, "incidentDate.hint") : undefined;
  const error = options.error ? s(ctx, "incidentDate.error") : undefined;
  const { describedBy } = fieldIds(id, { hint, error });
  return (
    <Field id={id} label={s(ctx, "incidentDate.label")} hint={hint} error={error}>
      <input
        id={id}
        name="incidentDate"
        type="date"
        class={error ? "sh-input sh-input--width-10 sh-input--error" : "sh-input sh-input--width-10"}
        value={options.error ? "2031-05-04" : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? "true" : undefined}
      />
    </Field>
  );
}

export const fieldExamples: Example[] = [
  { name: "default", title: "gallery.examples.default", render: (ctx) => DateField(ctx, {}) },
  { name: "with-hint", title: "gallery.examples.withHint", render: (ctx) => DateField(ctx, { hint: true }) },
  {
    name: "with-error",
    title: "gallery.examples.withError",
    render: (ctx) => DateField(ctx, { hint: true, error: true }),
  },
  {
    name: "group",
    title: "gallery.examples.group",
    render: (ctx) => {
      const id = ctx.id("address");
      const postcode = ctx.id("address-postcode");
      return (
        <Field
          id={id}
          label={s(ctx, "address.label")}
          hint={s(ctx, "address.hint")}
          error={s(ctx, "address.error")}
          group
        >
          <div class="sh-field">
            <label class="sh-label" for={id}>
              {s(ctx, "address.street")}
            </label>
            <input id={id} name="street" class="sh-input sh-input--error" aria-invalid="true" />
          </div>
          <div class="sh-field">
            <label class="sh-label" for={postcode}>
              {s(ctx, "address.postcode")}
            </label>
            <input
              id={postcode}
              name="postcode"
              class="sh-input sh-input--width-5"
              inputMode="numeric"
              value="3000"
            />
          </div>
        </Field>
      );
    },
  },
];
