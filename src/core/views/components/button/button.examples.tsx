import type { Example, ExampleContext } from "../example.js";
import { Button, ButtonGroup } from "./button.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const buttonExamples: Example[] = [
  {
    name: "primary",
    title: "gallery.examples.primary",
    render: (ctx) => <Button>{s(ctx, "button.send")}</Button>,
  },
  {
    name: "secondary",
    title: "gallery.examples.secondary",
    render: (ctx) => (
      <Button variant="secondary" name="action" value="draft">
        {s(ctx, "button.saveDraft")}
      </Button>
    ),
  },
  {
    name: "warning",
    title: "gallery.examples.warning",
    render: (ctx) => <Button variant="warning">{s(ctx, "button.deleteDraft")}</Button>,
  },
  {
    name: "as-link",
    title: "gallery.examples.asLink",
    render: (ctx) => (
      <Button href={`/${ctx.locale}/gallery/button`} variant="secondary">
        {s(ctx, "button.readDraft")}
      </Button>
    ),
  },
  {
    name: "start",
    title: "gallery.examples.start",
    render: (ctx) => (
      <Button href={`/${ctx.locale}/gallery/button`} start>
        {s(ctx, "button.start")}
      </Button>
    ),
  },
  {
    name: "group",
    title: "gallery.examples.buttonGroup",
    render: (ctx) => (
      <ButtonGroup>
        <Button>{s(ctx, "button.send")}</Button>
        <Button variant="secondary">{s(ctx, "button.saveDraft")}</Button>
        <a class="sh-link" href={`/${ctx.locale}/gallery`}>
          {s(ctx, "button.cancel")}
        </a>
      </ButtonGroup>
    ),
  },
  {
    name: "disabled",
    title: "gallery.examples.disabled",
    render: (ctx) => <Button disabled>{s(ctx, "button.send")}</Button>,
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => <Button type="button">{s(ctx, "button.long")}</Button>,
  },
];
