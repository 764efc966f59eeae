import { type Example, type ExampleContext, sampleField } from "../example.js";
import { EmailInput, TextInput } from "./text-input.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const textInputExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => (
      <TextInput
        id={ctx.id("full-name")}
        name="fullName"
        label={s(ctx, "fullName.label")}
        autocomplete="name"
      />
    ),
  },
  {
    name: "with-hint",
    title: "gallery.examples.withHint",
    render: (ctx) => (
      <TextInput
        id={ctx.id("full-name")}
        name="fullName"
        label={s(ctx, "fullName.label")}
        hint={s(ctx, "fullName.hint")}
        autocomplete="name"
        value={s(ctx, "fullName.value")}
      />
    ),
  },
  {
    name: "with-error",
    title: "gallery.examples.withError",
    render: (ctx) => (
      <TextInput
        {...sampleField(ctx, "cin")}
        hint={s(ctx, "cin.hint")}
        error={s(ctx, "cin.error")}
        value={s(ctx, "cin.value")}
        inputMode="numeric"
        width={10}
        spellcheck={false}
      />
    ),
  },
  {
    name: "email",
    title: "gallery.examples.withValue",
    render: (ctx) => (
      <EmailInput
        id={ctx.id("email")}
        name="email"
        label={s(ctx, "email.label")}
        hint={s(ctx, "email.hint")}
        autocomplete="email"
        value="amira.bensalah@example.tn"
        width={30}
      />
    ),
  },
  {
    name: "disabled",
    title: "gallery.examples.disabled",
    render: (ctx) => (
      <TextInput
        {...sampleField(ctx, "subject")}
        hint={s(ctx, "subject.hint")}
        value={s(ctx, "subject.value")}
        disabled
      />
    ),
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <TextInput
        id={ctx.id("structure")}
        name="structure"
        label={s(ctx, "structureName.label")}
        hint={s(ctx, "structureName.hint")}
      />
    ),
  },
];
