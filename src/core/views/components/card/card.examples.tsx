import type { Example, ExampleContext } from "../example.js";
import { StatusTag } from "../status-tag/status-tag.js";
import { Card } from "./card.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const cardExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => (
      <Card
        href={`/${ctx.locale}/gallery/card`}
        title={s(ctx, "card.consultationTitle")}
        meta={s(ctx, "card.consultationMeta")}
      >
        <p class="sh-body-text">{s(ctx, "card.consultationText")}</p>
      </Card>
    ),
  },
  {
    name: "with-tag",
    title: "gallery.examples.withTag",
    render: (ctx) => (
      <ul class="sh-grid">
        <li>
          <Card
            href={`/${ctx.locale}/gallery/card`}
            title={s(ctx, "card.consultationTitle")}
            meta={s(ctx, "card.consultationMeta")}
            tag={<StatusTag tone="success">{s(ctx, "status.open")}</StatusTag>}
          />
        </li>
        <li>
          <Card
            href={`/${ctx.locale}/gallery/card`}
            title={s(ctx, "card.ideaTitle")}
            meta={s(ctx, "card.ideaMeta")}
            tag={<StatusTag tone="warning">{s(ctx, "status.underReview")}</StatusTag>}
          />
        </li>
      </ul>
    ),
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <Card
        href={`/${ctx.locale}/gallery/card`}
        title={s(ctx, "card.longTitle")}
        meta={s(ctx, "card.longMeta")}
        tag={<StatusTag>{s(ctx, "status.closed")}</StatusTag>}
      />
    ),
  },
];
