import type { ComponentChildren } from "preact";
import { Heading, type HeadingLevel } from "../util.js";

export interface CardProps {
  title: ComponentChildren;
  /** Where the card leads; the whole card is clickable, but only the heading is a link. */
  href: string;
  headingLevel?: HeadingLevel;
  /** A line above the title: the structure, a date. */
  meta?: ComponentChildren;
  /** A status tag shown under the text. */
  tag?: ComponentChildren;
  children?: ComponentChildren;
}

/** A summary of a consultation, an idea or a request, leading to its page. */
export function Card({ title, href, headingLevel = 3, meta, tag, children }: CardProps) {
  return (
    <div class="sh-card">
      <Heading level={headingLevel} class="sh-card__heading sh-auto" dir="auto">
        <a class="sh-card__link" href={href}>
          {title}
        </a>
      </Heading>
      {meta && <p class="sh-card__meta">{meta}</p>}
      {children && <div class="sh-card__text">{children}</div>}
      {tag && <div class="sh-card__tag">{tag}</div>}
    </div>
  );
}
