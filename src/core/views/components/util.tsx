import type { ComponentChildren, VNode } from "preact";
import type { Translate } from "../../i18n/catalog.js";

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** Joins BEM class names, skipping the false ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}

/** A heading whose level the caller chooses, so components fit any page outline. */
export function Heading({
  level,
  id,
  class: className,
  dir,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  class?: string;
  /** "auto" when the heading is user or data text (a title), so it takes that text's direction. */
  dir?: "auto";
  children: ComponentChildren;
}): VNode {
  const Tag = `h${level}` as "h2";
  return (
    <Tag id={id} class={className} dir={dir}>
      {children}
    </Tag>
  );
}

const MARK = "\u0000";

/**
 * Translates a message whose placeholders are markup (a <time>, a link): the translator keeps
 * control of the word order, and the markup is placed where the message puts each placeholder.
 */
export function translateWith(
  t: Translate,
  key: string,
  parts: Record<string, ComponentChildren>,
  /** Plain values, such as a plural's count, passed to the message as they are. */
  values: Record<string, string | number> = {},
): ComponentChildren[] {
  const names = Object.keys(parts);
  const tokens = Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]));
  return t(key, { ...values, ...tokens })
    .split(MARK)
    .map((piece, i) => (i % 2 === 1 ? parts[names[Number(piece)]!] : piece))
    .filter((piece) => piece !== "");
}

const ISO_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tunis" });

/** An ISO date (yyyy-mm-dd in Tunis) for a <time datetime>. */
export function isoDate(date: Date): string {
  return ISO_DAY.format(date);
}
