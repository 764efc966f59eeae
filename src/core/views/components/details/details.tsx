import type { ComponentChildren } from "preact";

export interface DetailsProps {
  /** The always-visible line that opens and closes the details. */
  summary: ComponentChildren;
  children: ComponentChildren;
  open?: boolean;
  id?: string;
}

/** Help that only some people need, hidden until asked for (a native <details>, no script). */
export function Details({ summary, children, open, id }: DetailsProps) {
  return (
    <details id={id} class="sh-details" open={open}>
      <summary class="sh-details__summary">
        <span class="sh-details__summary-text">{summary}</span>
      </summary>
      <div class="sh-details__text">{children}</div>
    </details>
  );
}
