import type { ComponentChildren } from "preact";
import { cx } from "../util.js";

export interface TableColumn {
  text: ComponentChildren;
  /** Numbers align to the end of the cell so their digits line up. */
  numeric?: boolean;
}

export interface TableProps {
  /** Must be unique on the page; names the scrollable region after the caption. */
  id: string;
  caption: ComponentChildren;
  captionSize?: "s" | "m" | "l";
  head: TableColumn[];
  rows: ComponentChildren[][];
  /** The first cell of each row names the row (a <th scope="row">). */
  firstCellIsHeader?: boolean;
}

/** A data table with a caption and header cells scoped to their column or row. */
export function Table({ id, caption, captionSize = "m", head, rows, firstCellIsHeader }: TableProps) {
  const captionId = `${id}-caption`;
  const cellClass = (index: number, header: boolean) =>
    cx(header ? "sh-table__header" : "sh-table__cell", head[index]?.numeric && "sh-table__cell--numeric");
  return (
    // A wide table scrolls sideways on a narrow screen; keyboard users scroll it once it has focus.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1).
    <section class="sh-table-wrapper" aria-labelledby={captionId} tabIndex={0}>
      <table id={id} class="sh-table">
        <caption id={captionId} class={`sh-table__caption sh-table__caption--${captionSize}`}>
          {caption}
        </caption>
        <thead class="sh-table__head">
          <tr class="sh-table__row">
            {head.map((column, index) => (
              <th key={index} scope="col" class={cellClass(index, true)}>
                {column.text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="sh-table__body">
          {rows.map((row, r) => (
            <tr key={r} class="sh-table__row">
              {row.map((cell, index) =>
                firstCellIsHeader && index === 0 ? (
                  <th key={index} scope="row" class={cellClass(index, true)}>
                    {cell}
                  </th>
                ) : (
                  <td key={index} class={cellClass(index, false)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
