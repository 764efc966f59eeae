import type { ComponentChildren } from "preact";
import type { Translate } from "../../i18n/catalog.js";
import type { Locale } from "../../i18n/localized.js";

/** What an example may use to render itself in the page's language. */
export interface ExampleContext {
  t: Translate;
  locale: Locale;
  /** A page-unique id: every id an example renders goes through it, so examples shown together never collide. */
  id: (suffix: string) => string;
  /** The page's query string, for examples that react to links (pagination). */
  query: URLSearchParams;
}

/** One named state of a component, shown live in the gallery and rendered by its tests. */
export interface Example {
  /** Unique within its component; also the id prefix. */
  name: string;
  /** i18n key of the example's title (a "gallery.…" key). */
  title: string;
  render: (ctx: ExampleContext) => ComponentChildren;
}

/**
 * A sample field's id, name and label, all from one name: the label is the gallery's sample text
 * `gallery.sample.<name>.label`. Spread it into a form control of an example.
 */
export function sampleField(ctx: ExampleContext, name: string) {
  return { id: ctx.id(name), name, label: ctx.t(`gallery.sample.${name}.label`) };
}
