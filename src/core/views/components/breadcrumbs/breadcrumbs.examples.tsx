import type { Example, ExampleContext } from "../example.js";
import { Breadcrumbs } from "./breadcrumbs.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const breadcrumbsExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => (
      <Breadcrumbs
        items={[
          { text: s(ctx, "crumbs.home"), href: `/${ctx.locale}` },
          { text: s(ctx, "crumbs.consultations"), href: `/${ctx.locale}/gallery` },
          { text: s(ctx, "crumbs.consultation") },
        ]}
      />
    ),
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <Breadcrumbs
        label={s(ctx, "crumbs.longLabel")}
        items={[
          { text: s(ctx, "crumbs.home"), href: `/${ctx.locale}` },
          { text: s(ctx, "crumbs.ministry"), href: `/${ctx.locale}/gallery` },
          { text: s(ctx, "crumbs.ministryConsultations"), href: `/${ctx.locale}/gallery` },
          { text: s(ctx, "crumbs.longConsultation") },
        ]}
      />
    ),
  },
];
