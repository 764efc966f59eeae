import { INTL_TAG } from "../../../i18n/catalog.js";
import { formatDate, formatNumber } from "../../../i18n/format.js";
import type { Example, ExampleContext } from "../example.js";
import { StatusTag } from "../status-tag/status-tag.js";
import { Table } from "./table.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

function requests(ctx: ExampleContext) {
  const rows: Array<[string, string, string, "info" | "success" | "danger", string, Date]> = [
    ["RQ-2025-004217", "r1", "r1", "info", "inProgress", new Date("2025-05-12T09:00:00Z")],
    ["RQ-2025-003981", "r2", "r2", "danger", "overdue", new Date("2025-03-03T09:00:00Z")],
    ["RQ-2025-002540", "r3", "r3", "success", "answered", new Date("2025-01-20T09:00:00Z")],
  ];
  return rows.map(([number, subject, structure, tone, status, date]) => [
    <span key="n" dir="ltr" class="sh-nowrap">
      {number}
    </span>,
    s(ctx, `table.${subject}subject`),
    s(ctx, `table.${structure}structure`),
    <StatusTag key="s" tone={tone}>
      {s(ctx, `status.${status}`)}
    </StatusTag>,
    formatDate(date, ctx.locale),
  ]);
}

const STATS = [
  ["tunis", 4210, 3620],
  ["sfax", 2875, 2530],
  ["gafsa", 912, 601],
] as const;

export const tableExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => (
      <Table
        id={ctx.id("requests")}
        caption={s(ctx, "table.caption")}
        head={["number", "subject", "structure", "status", "sentOn"].map((key) => ({
          text: s(ctx, `table.${key}`),
        }))}
        rows={requests(ctx)}
      />
    ),
  },
  {
    name: "numeric",
    title: "gallery.examples.numeric",
    render: (ctx) => {
      const percent = new Intl.NumberFormat(INTL_TAG[ctx.locale], { style: "percent" });
      return (
        <Table
          id={ctx.id("deadlines")}
          caption={s(ctx, "table.statsCaption")}
          head={[
            { text: s(ctx, "table.governorate") },
            { text: s(ctx, "table.received"), numeric: true },
            { text: s(ctx, "table.onTime"), numeric: true },
            { text: s(ctx, "table.share"), numeric: true },
          ]}
          rows={STATS.map(([gov, received, onTime]) => [
            s(ctx, `governorate.${gov}`),
            formatNumber(received, ctx.locale),
            formatNumber(onTime, ctx.locale),
            percent.format(onTime / received),
          ])}
          firstCellIsHeader
        />
      );
    },
  },
  {
    name: "long-text",
    title: "gallery.examples.longText",
    render: (ctx) => (
      <Table
        id={ctx.id("long")}
        caption={s(ctx, "table.longCaption")}
        captionSize="s"
        head={["number", "subject", "structure", "status", "sentOn"].map((key) => ({
          text: s(ctx, `table.${key}`),
        }))}
        rows={requests(ctx).slice(0, 1)}
      />
    ),
  },
];
