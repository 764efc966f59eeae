import { type Example, type ExampleContext, sampleField } from "../example.js";
import { Textarea } from "./textarea.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const textareaExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => <Textarea {...sampleField(ctx, "contribution")} />,
  },
  {
    name: "with-hint",
    title: "gallery.examples.withHint",
    render: (ctx) => <Textarea {...sampleField(ctx, "contribution")} hint={s(ctx, "contribution.hint")} />,
  },
  {
    name: "character-count",
    title: "gallery.examples.characterCount",
    render: (ctx) => (
      <Textarea
        {...sampleField(ctx, "description")}
        hint={s(ctx, "description.hint")}
        value={s(ctx, "description.value")}
        maxLength={200}
      />
    ),
  },
  {
    name: "with-error",
    title: "gallery.examples.withError",
    render: (ctx) => (
      <Textarea
        {...sampleField(ctx, "description")}
        hint={s(ctx, "description.hint")}
        error={s(ctx, "description.error")}
        maxLength={1000}
      />
    ),
  },
  {
    name: "over-limit",
    title: "gallery.examples.overLimit",
    render: (ctx) => (
      <Textarea
        {...sampleField(ctx, "description")}
        error={s(ctx, "description.tooLong")}
        value={s(ctx, "description.overValue")}
        maxLength={200}
      />
    ),
  },
  {
    name: "disabled",
    title: "gallery.examples.disabled",
    render: (ctx) => (
      <Textarea {...sampleField(ctx, "description")} value={s(ctx, "description.value")} rows={3} disabled />
    ),
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <Textarea
        id={ctx.id("structure")}
        name="structure"
        label={s(ctx, "structureName.label")}
        hint={s(ctx, "structureName.hint")}
        maxLength={500}
      />
    ),
  },
];
