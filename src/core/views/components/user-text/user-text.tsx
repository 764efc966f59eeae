import type { ComponentChildren } from "preact";
import { cx } from "../util.js";

/** Block elements that may hold user or data text as a whole: a title, a paragraph, a cell. */
export type UserTextBlock =
  | "p"
  | "div"
  | "h1"
  | "h2"
  | "h3"
  | "h4"
  | "li"
  | "dd"
  | "td"
  | "th"
  | "blockquote";

export interface UserTextProps {
  /** Omitted: an inline <bdi>, for a name or a title inside a sentence. Given: that block element, with dir="auto". */
  as?: UserTextBlock;
  id?: string;
  class?: string;
  children: ComponentChildren;
}

/**
 * Text written by a person or taken from data (a name, a title, a comment, a reason), in any script.
 * It takes its own direction from its first strong letter and does not disturb the sentence around
 * it: a French title in an Arabic page keeps its full stop at its end and aligns to its own start.
 */
export function UserText({ as, id, class: className, children }: UserTextProps) {
  if (!as) {
    return (
      <bdi id={id} class={className}>
        {children}
      </bdi>
    );
  }
  const Tag = as as "p";
  return (
    <Tag id={id} class={cx("sh-auto", className)} dir="auto">
      {children}
    </Tag>
  );
}

/**
 * A reference, code, e-mail address, phone number or web address: always left to right, isolated
 * from the sentence around it, and never broken across lines (EC-2026-000123 stays whole).
 */
export function Reference({ class: className, children }: { class?: string; children: ComponentChildren }) {
  return (
    <bdi class={cx("sh-ref", className)} dir="ltr">
      {children}
    </bdi>
  );
}

/**
 * The same isolation for plain strings, where markup cannot go: a page <title>, an attribute, a
 * value interpolated into a translated message (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE).
 */
export function isolate(text: string | number): string {
  return `\u2068${text}\u2069`;
}
