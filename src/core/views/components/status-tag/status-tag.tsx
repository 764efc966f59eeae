import type { ComponentChildren } from "preact";

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger" | "new";

export interface StatusTagProps {
  /** The colour says the same as the words, never more: neutral, info, success, warning, danger, new. */
  tone?: StatusTone;
  children: ComponentChildren;
}

/** A short status label, such as a request's "In progress" or a consultation's "Open". */
export function StatusTag({ tone = "neutral", children }: StatusTagProps) {
  return <strong class={`sh-tag sh-tag--${tone}`}>{children}</strong>;
}
