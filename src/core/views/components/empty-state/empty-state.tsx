import type { ComponentChildren } from "preact";
import { Heading, type HeadingLevel } from "../util.js";

export interface EmptyStateProps {
  /** What is empty, said plainly: "You have not sent any request yet". */
  title: ComponentChildren;
  headingLevel?: HeadingLevel;
  /** What the list will hold, and how to fill it. */
  children?: ComponentChildren;
  /** The next step, usually a button. */
  action?: ComponentChildren;
}

/** Shown instead of an empty list or table, so the page still says something useful. */
export function EmptyState({ title, headingLevel = 2, children, action }: EmptyStateProps) {
  return (
    <div class="sh-empty-state">
      <svg
        class="sh-empty-state__icon"
        aria-hidden="true"
        focusable="false"
        width="48"
        height="48"
        viewBox="0 0 48 48"
      >
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="3"
          stroke-linejoin="round"
          d="M6 28 12 8h24l6 20v12H6zM6 28h11l3 5h8l3-5h11"
        />
      </svg>
      <Heading level={headingLevel} class="sh-empty-state__title">
        {title}
      </Heading>
      {children && <div class="sh-empty-state__text">{children}</div>}
      {action && <div class="sh-empty-state__action">{action}</div>}
    </div>
  );
}
