import type { ComponentChildren } from "preact";
import { cx } from "../util.js";

export interface SummaryListProps {
  id?: string;
  /** An extra class, for a page that places the list. */
  class?: string;
  /** Its rows: SummaryRow, one a fact. */
  children: ComponentChildren;
}

/** Facts about one thing, a key and its value a row: a request's type and status, a structure's code. */
export function SummaryList({ id, class: className, children }: SummaryListProps) {
  return (
    <dl class={cx("sh-summary-list", className)} id={id}>
      {children}
    </dl>
  );
}

export interface SummaryRowProps {
  /** What the fact is ("Status"). */
  label: ComponentChildren;
  /** Its value: text, a tag, a date, a link. */
  children: ComponentChildren;
  /** The value's language, when it is not the page's (a name only given in another language). */
  lang?: string;
  /** The value is text a person wrote: it takes its own direction, as UserText does. */
  userText?: boolean;
  /** The value's id, for a script or a link to point at it. */
  valueId?: string;
  /** An extra class on the value. */
  valueClass?: string;
}

/** One row of a SummaryList. */
export function SummaryRow({ label, children, lang, userText, valueId, valueClass }: SummaryRowProps) {
  return (
    <div class="sh-summary-list__row">
      <dt class="sh-summary-list__key">{label}</dt>
      <dd
        id={valueId}
        class={cx(userText && "sh-auto", "sh-summary-list__value", valueClass)}
        dir={userText ? "auto" : undefined}
        lang={lang}
      >
        {children}
      </dd>
    </div>
  );
}
