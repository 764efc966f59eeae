import type { Example, ExampleContext } from "../example.js";
import { Pagination } from "./pagination.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

/** The examples' links really work: each reads its own page parameter from the address. */
function current(ctx: ExampleContext, param: string, fallback: number): number {
  const n = Number(ctx.query.get(param));
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

export const paginationExamples: Example[] = [
  {
    name: "first-page",
    title: "gallery.examples.firstPage",
    render: (ctx) => (
      <Pagination
        page={current(ctx, "requests-page", 1)}
        totalPages={12}
        param="requests-page"
        label={s(ctx, "pages.requests")}
      />
    ),
  },
  {
    name: "middle-page",
    title: "gallery.examples.middlePage",
    render: (ctx) => (
      <Pagination
        page={current(ctx, "consultations-page", 6)}
        totalPages={12}
        param="consultations-page"
        label={s(ctx, "pages.consultations")}
      />
    ),
  },
  {
    name: "last-page",
    title: "gallery.examples.lastPage",
    render: (ctx) => (
      <Pagination
        page={current(ctx, "results-page", 12)}
        totalPages={12}
        param="results-page"
        label={s(ctx, "pages.results")}
      />
    ),
  },
  {
    name: "few-pages",
    title: "gallery.examples.fewPages",
    render: (ctx) => (
      <Pagination
        page={current(ctx, "ideas-page", 2)}
        totalPages={3}
        param="ideas-page"
        label={s(ctx, "pages.ideas")}
      />
    ),
  },
];
