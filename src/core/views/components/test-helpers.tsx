import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { translator } from "../../i18n/catalog.js";
import { dirOf, type Locale } from "../../i18n/localized.js";
import { Page, type PageContext } from "../context.js";
import type { Example, ExampleContext } from "./example.js";

export function testPage(locale: Locale = "en", overrides: Partial<PageContext> = {}): PageContext {
  return {
    locale,
    dir: dirOf(locale),
    t: translator(locale),
    path: "/gallery",
    search: "",
    csrfToken: () => "test-csrf-token",
    asset: (file) => `/static/${file}?v=test`,
    requestId: "test-request",
    ...overrides,
  };
}

/** Renders markup inside the Page context, as reply.render does. */
export function render(node: ComponentChildren, locale: Locale = "en", overrides: Partial<PageContext> = {}) {
  return renderToString(<Page.Provider value={testPage(locale, overrides)}>{node}</Page.Provider>);
}

/** Renders every example of a component, as the gallery does, in one language. */
export function renderExamples(examples: Example[], locale: Locale = "en"): string {
  const t = translator(locale);
  return examples
    .map((example) => {
      const ctx: ExampleContext = {
        t,
        locale,
        id: (suffix) => `${example.name}-${suffix}`,
        query: new URLSearchParams(),
      };
      return render(<div>{example.render(ctx)}</div>, locale);
    })
    .join("\n");
}

/** The opening tag of the first element carrying this attribute, e.g. tag(html, 'id="x"'). */
export function tag(html: string, attribute: string): string {
  const at = html.indexOf(attribute);
  if (at < 0) throw new Error(`no element with ${attribute} in ${html}`);
  const start = html.lastIndexOf("<", at);
  const end = html.indexOf(">", at);
  return html.slice(start, end + 1);
}

/** Every opening tag with this name, e.g. tags(html, "input"). */
export function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}(?=[\\s>/])[^>]*>`, "g")) ?? [];
}

/** An attribute's value in an opening tag, or undefined. */
export function attr(openingTag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>/])`).exec(openingTag);
  if (!match) return undefined;
  return match[1] ?? "";
}

/** Every id in the markup, for duplicate checks. */
export function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
}

/** The element's text content (tags removed, entities kept). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
