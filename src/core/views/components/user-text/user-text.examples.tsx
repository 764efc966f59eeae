import type { Example, ExampleContext } from "../example.js";
import { Reference, UserText } from "./user-text.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

// User text is data, not translated: the same French and mixed-script samples in every language.
export const userTextExamples: Example[] = [
  {
    name: "inline",
    title: "gallery.examples.userTextInline",
    render: (ctx) => (
      <p class="sh-body-text">
        {s(ctx, "userText.by")} <UserText>Leïla / Mansouri / ليلى المنصوري</UserText>
      </p>
    ),
  },
  {
    name: "block",
    title: "gallery.examples.userTextBlock",
    render: () => (
      <UserText as="h3" class="sh-heading-m">
        Réaménager le marché central de Sfax.
      </UserText>
    ),
  },
  {
    name: "reference",
    title: "gallery.examples.reference",
    render: (ctx) => (
      <h3 class="sh-heading-xl">
        {s(ctx, "userText.reference")} <Reference>EC-2026-000123</Reference>
      </h3>
    ),
  },
];
