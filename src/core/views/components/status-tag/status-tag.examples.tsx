import type { Example, ExampleContext } from "../example.js";
import { StatusTag, type StatusTone } from "./status-tag.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

const REQUEST_STATUSES: Array<[StatusTone, string]> = [
  ["new", "received"],
  ["info", "inProgress"],
  ["success", "answered"],
  ["danger", "overdue"],
  ["neutral", "closed"],
  ["warning", "underReview"],
];

export const statusTagExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => <StatusTag>{s(ctx, "status.draft")}</StatusTag>,
  },
  {
    name: "tones",
    title: "gallery.examples.tones",
    render: (ctx) => (
      <ul class="sh-tag-list">
        {REQUEST_STATUSES.map(([tone, key]) => (
          <li key={key}>
            <StatusTag tone={tone}>{s(ctx, `status.${key}`)}</StatusTag>
          </li>
        ))}
      </ul>
    ),
  },
  {
    name: "open",
    title: "gallery.examples.open",
    render: (ctx) => <StatusTag tone="success">{s(ctx, "status.open")}</StatusTag>,
  },
];
