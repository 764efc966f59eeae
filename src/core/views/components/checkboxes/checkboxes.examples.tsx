import { type Example, type ExampleContext, sampleField } from "../example.js";
import type { ChoiceItem } from "../radios/radios.js";
import { Checkboxes } from "./checkboxes.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

function channels(ctx: ExampleContext, hints: boolean): ChoiceItem[] {
  return [
    { value: "email", label: s(ctx, "channels.email") },
    { value: "sms", label: s(ctx, "channels.sms"), hint: hints ? s(ctx, "channels.smsHint") : undefined },
    { value: "post", label: s(ctx, "channels.post") },
  ];
}

export const checkboxesExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => <Checkboxes {...sampleField(ctx, "channels")} items={channels(ctx, false)} />,
  },
  {
    name: "with-hint",
    title: "gallery.examples.withHint",
    render: (ctx) => (
      <Checkboxes
        {...sampleField(ctx, "channels")}
        hint={s(ctx, "channels.hint")}
        items={channels(ctx, true)}
        values={["email", "sms"]}
      />
    ),
  },
  {
    name: "with-error",
    title: "gallery.examples.withError",
    render: (ctx) => (
      <Checkboxes
        {...sampleField(ctx, "channels")}
        hint={s(ctx, "channels.hint")}
        error={s(ctx, "channels.error")}
        items={channels(ctx, false)}
      />
    ),
  },
  {
    name: "disabled",
    title: "gallery.examples.disabled",
    render: (ctx) => (
      <Checkboxes
        {...sampleField(ctx, "channels")}
        items={channels(ctx, false).map((item) => ({ ...item, disabled: item.value === "post" }))}
        values={["email"]}
      />
    ),
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <Checkboxes
        {...sampleField(ctx, "topics")}
        hint={s(ctx, "channels.hint")}
        items={["roads", "budget", "culture"].map((value) => ({ value, label: s(ctx, `topics.${value}`) }))}
        values={["budget"]}
      />
    ),
  },
];
