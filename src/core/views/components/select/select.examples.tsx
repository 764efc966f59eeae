import { type Example, type ExampleContext, sampleField } from "../example.js";
import { Select, type SelectOption } from "./select.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

const GOVERNORATES = ["tunis", "ariana", "benArous", "sfax", "sousse", "gafsa", "tozeur"] as const;

function governorates(ctx: ExampleContext): SelectOption[] {
  return [
    { value: "", text: s(ctx, "governorate.choose") },
    ...GOVERNORATES.map((g) => ({ value: g, text: s(ctx, `governorate.${g}`) })),
  ];
}

export const selectExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => <Select {...sampleField(ctx, "governorate")} options={governorates(ctx)} />,
  },
  {
    name: "with-hint",
    title: "gallery.examples.withHint",
    render: (ctx) => (
      <Select
        {...sampleField(ctx, "governorate")}
        hint={s(ctx, "governorate.hint")}
        options={governorates(ctx)}
        value="sfax"
      />
    ),
  },
  {
    name: "with-error",
    title: "gallery.examples.withError",
    render: (ctx) => (
      <Select
        {...sampleField(ctx, "governorate")}
        hint={s(ctx, "governorate.hint")}
        error={s(ctx, "governorate.error")}
        options={governorates(ctx)}
      />
    ),
  },
  {
    name: "disabled",
    title: "gallery.examples.disabled",
    render: (ctx) => (
      <Select
        {...sampleField(ctx, "structure")}
        hint={s(ctx, "structure.hint")}
        options={[{ value: "sfax", text: s(ctx, "structure.value") }]}
        value="sfax"
        disabled
      />
    ),
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <Select
        id={ctx.id("topic")}
        name="topic"
        label={s(ctx, "topics.label")}
        options={["roads", "budget", "culture"].map((value) => ({ value, text: s(ctx, `topics.${value}`) }))}
      />
    ),
  },
];
