import { Button } from "../button/button.js";
import type { Example, ExampleContext } from "../example.js";
import { EmptyState } from "./empty-state.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const emptyStateExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => (
      <EmptyState headingLevel={3} title={s(ctx, "empty.searchTitle")}>
        <p class="sh-body-text">{s(ctx, "empty.searchText")}</p>
      </EmptyState>
    ),
  },
  {
    name: "with-action",
    title: "gallery.examples.withAction",
    render: (ctx) => (
      <EmptyState
        headingLevel={3}
        title={s(ctx, "empty.requestsTitle")}
        action={
          <Button href={`/${ctx.locale}/gallery/button`} start>
            {s(ctx, "button.start")}
          </Button>
        }
      >
        <p class="sh-body-text">{s(ctx, "empty.requestsText")}</p>
      </EmptyState>
    ),
  },
];
