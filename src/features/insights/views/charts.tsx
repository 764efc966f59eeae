import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { ComponentChildren } from "preact";
import { formatNumber } from "../../../core/i18n/format.js";
import { Table } from "../../../core/views/components/table/table.js";
import { usePage } from "../../../core/views/context.js";

export interface Datum {
  /** A stable key ("2026-03", "TN-11"), written on the mark so tests can match it to the table. */
  key: string;
  label: string;
  value: number;
}

interface ChartProps {
  id: string;
  title: string;
  description: string;
  /** The header of the table's first column (what each row is). */
  labelHeader: string;
  valueHeader: string;
  data: Datum[];
  /** Links under the table (its CSV). */
  footer?: ComponentChildren;
}

/**
 * The drawing's own units. A phone shows it about 290 px wide, so 400 units keep the 17-unit labels
 * (the stylesheet's size on a phone) at 12 px or more; wider screens draw it larger with smaller text.
 */
const WIDTH = 400;
const HEIGHT = 240;
const M = { top: 16, bottom: 44, side: 56 };
/** At most this many labels along the axis, so they never overlap; the table gives every one. */
const MAX_LABELS = 3;

/**
 * A figure holding an SVG chart (role="img", named by its <title> and described by its <desc>) and
 * the same figures as a data table beside it: the table is the accessible form, the chart a view of
 * it, and both work without JavaScript. Axes run from the reading direction's start.
 */
function ChartFigure({
  id,
  title,
  description,
  labelHeader,
  valueHeader,
  data,
  footer,
  children,
}: ChartProps & { children: ComponentChildren }) {
  const { locale } = usePage();
  return (
    <figure class="sh-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="sh-heading-m">
        {title}
      </figcaption>
      <svg
        class="sh-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-chart={id}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <Table
        id={`${id}-table`}
        caption={title}
        captionSize="s"
        head={[{ text: labelHeader }, { text: valueHeader, numeric: true }]}
        firstCellIsHeader
        rows={data.map((d) => [d.label, <span data-key={d.key}>{formatNumber(d.value, locale)}</span>])}
      />
      {footer}
    </figure>
  );
}

function yTicks(max: number) {
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  return { y, ticks: y.ticks(4).filter((t) => Number.isInteger(t)) };
}

/** A line over ordered labels (months): one point per datum. */
export function LineChart(props: ChartProps) {
  const { dir } = usePage();
  const { data } = props;
  const range: [number, number] = dir === "rtl" ? [WIDTH - M.side, M.side] : [M.side, WIDTH - M.side];
  const x = scalePoint<string>()
    .domain(data.map((d) => d.key))
    .range(range)
    .padding(0.3);
  const { y, ticks } = yTicks(Math.max(0, ...data.map((d) => d.value)));
  // Every step-th label, counted back from the latest, which is always labelled.
  const step = Math.ceil(data.length / MAX_LABELS);
  const path = line<Datum>()
    .x((d) => x(d.key) ?? 0)
    .y((d) => y(d.value))(data);
  return (
    <ChartFigure {...props}>
      <YGrid y={y} ticks={ticks} />
      {path ? <path class="sh-chart__line" d={path} /> : null}
      <g>
        {data.map((d, i) => (
          <g key={d.key}>
            <circle
              class="sh-chart__point"
              cx={x(d.key)}
              cy={y(d.value)}
              r={4}
              data-key={d.key}
              data-value={d.value}
            />
            {(data.length - 1 - i) % step === 0 && (
              <text class="sh-chart__label" x={x(d.key)} y={HEIGHT - M.bottom + 24} text-anchor="middle">
                {d.label}
              </text>
            )}
          </g>
        ))}
      </g>
    </ChartFigure>
  );
}

/** The value axis: a grid line and its number at each tick, on the reading side of the chart. */
function YGrid({ y, ticks }: Pick<ReturnType<typeof yTicks>, "y" | "ticks">) {
  const { dir, locale } = usePage();
  const axisX = dir === "rtl" ? WIDTH - M.side + 8 : M.side - 8;
  return (
    <g class="sh-chart__grid">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.side} x2={WIDTH - M.side} y1={y(t)} y2={y(t)} />
          <text x={axisX} y={y(t)} text-anchor={dir === "rtl" ? "start" : "end"} dominant-baseline="middle">
            {formatNumber(t, locale)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Bars over categories (governorates, structures): one bar per datum. */
export function BarChart(props: ChartProps) {
  const { dir } = usePage();
  const { data } = props;
  const range: [number, number] = dir === "rtl" ? [WIDTH - M.side, M.side] : [M.side, WIDTH - M.side];
  const x = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range(range)
    .padding(0.2);
  const { y, ticks } = yTicks(Math.max(0, ...data.map((d) => d.value)));
  return (
    <ChartFigure {...props}>
      <YGrid y={y} ticks={ticks} />
      <g>
        {data.map((d) => (
          <rect
            key={d.key}
            class="sh-chart__bar"
            x={x(d.key)}
            y={y(d.value)}
            width={x.bandwidth()}
            height={Math.max(0, y(0) - y(d.value))}
            data-key={d.key}
            data-value={d.value}
          />
        ))}
      </g>
    </ChartFigure>
  );
}
