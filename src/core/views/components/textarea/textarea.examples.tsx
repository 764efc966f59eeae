import type { Example, ExampleContext } from "../example.js";
import { Textarea } from "./textarea.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const textareaExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => (
      <Textarea id={ctx.id("contribution")} name="contribution" label={s(ctx, "contribution.label")} />
    ),
  },
  {
    name: "with-hint",
    title: "gallery.examples.withHint",
    render: (ctx) => (
      <Textarea
        id={ctx.id("contribution")}
        name="contribution"
        label={s(ctx, "contribution.label")}
        hint={s(ctx, "contribution.hint")}
      />
    ),
  },
  {
    name: "character-count",
    title: "gallery.examples.characterCount",
    render: (ctx) => (
      <Textarea
        id={ctx.id("description")}
        name="description"
        label={s(ctx, "description.label")}
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
        id={ctx.id("description")}
        name="description"
        label={s(ctx, "description.label")}
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
        id={ctx.id("description")}
        name="description"
        label={s(ctx, "description.label")}
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
      <Textarea
        id={ctx.id("description")}
        name="description"
        label={s(ctx, "description.label")}
        value={s(ctx, "description.value")}
        rows={3}
        disabled
      />
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
