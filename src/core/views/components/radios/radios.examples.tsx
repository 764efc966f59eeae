import { type Example, type ExampleContext, sampleField } from "../example.js";
import { type ChoiceItem, Radios } from "./radios.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

const KINDS = ["complaint", "suggestion", "guidance", "information"] as const;

function kinds(ctx: ExampleContext, hints: boolean): ChoiceItem[] {
  return KINDS.map((kind) => ({
    value: kind,
    label: s(ctx, `requestType.${kind}`),
    hint: hints ? s(ctx, `requestType.${kind}Hint`) : undefined,
  }));
}

/** The request-type question: its field is named "kind", its sample texts "requestType". */
const kindField = (ctx: ExampleContext) => ({
  id: ctx.id("kind"),
  name: "kind",
  label: s(ctx, "requestType.label"),
});

export const radiosExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => <Radios {...kindField(ctx)} items={kinds(ctx, false)} />,
  },
  {
    name: "with-hint",
    title: "gallery.examples.itemHints",
    render: (ctx) => (
      <Radios
        {...kindField(ctx)}
        hint={s(ctx, "requestType.hint")}
        items={kinds(ctx, true)}
        value="complaint"
        labelSize="m"
      />
    ),
  },
  {
    name: "with-error",
    title: "gallery.examples.withError",
    render: (ctx) => (
      <Radios
        {...kindField(ctx)}
        hint={s(ctx, "requestType.hint")}
        error={s(ctx, "requestType.error")}
        items={kinds(ctx, false)}
      />
    ),
  },
  {
    name: "inline",
    title: "gallery.examples.inline",
    render: (ctx) => (
      <Radios
        {...sampleField(ctx, "updates")}
        items={[
          { value: "yes", label: s(ctx, "updates.yes") },
          { value: "no", label: s(ctx, "updates.no") },
        ]}
        value="yes"
        inline
      />
    ),
  },
  {
    name: "disabled",
    title: "gallery.examples.disabled",
    render: (ctx) => (
      <Radios
        id={ctx.id("kind")}
        name="kind"
        label={s(ctx, "requestType.label")}
        items={kinds(ctx, false).map((item) => ({ ...item, disabled: item.value !== "information" }))}
        value="information"
      />
    ),
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <Radios
        {...sampleField(ctx, "opinion")}
        items={["support", "amend", "oppose"].map((value) => ({ value, label: s(ctx, `opinion.${value}`) }))}
      />
    ),
  },
];
