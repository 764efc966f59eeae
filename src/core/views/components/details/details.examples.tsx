import type { Example, ExampleContext } from "../example.js";
import { Details } from "./details.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const detailsExamples: Example[] = [
  {
    name: "closed",
    title: "gallery.examples.closed",
    render: (ctx) => (
      <Details id={ctx.id("details")} summary={s(ctx, "details.summary")}>
        <p class="sh-body-text">{s(ctx, "details.text")}</p>
      </Details>
    ),
  },
  {
    name: "open",
    title: "gallery.examples.open",
    render: (ctx) => (
      <Details id={ctx.id("details")} summary={s(ctx, "details.openSummary")} open>
        <p class="sh-body-text">{s(ctx, "details.openText")}</p>
      </Details>
    ),
  },
];
