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
    publicUrl: "https://sharek.test",
    ogImage: (title) => `/og/${locale}/test.png?t=${encodeURIComponent(title)}`,
    source: { url: "https://source.test/sharek", version: "0.0.0 (test)" },
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

const OPENING = (name: string) => new RegExp(`<${name}(?=[\\s>/])(?:[^>"]|"[^"]*")*>`, "g");

/** The opening tag of the first element carrying this attribute text, e.g. tag(html, 'id="x"') or tag(html, "<nav"). */
export function tag(html: string, text: string): string {
  for (const match of html.matchAll(OPENING("[a-z][a-z0-9]*"))) {
    if (match[0].includes(text)) return match[0];
  }
  throw new Error(`no element with ${text} in ${html}`);
}

/** Every opening tag with this name, e.g. tags(html, "input"). */
export function tags(html: string, name: string): string[] {
  return [...html.matchAll(OPENING(name))].map((m) => m[0]);
}

/** An attribute's value in an opening tag (entities decoded), or undefined. */
export function attr(openingTag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>/])`).exec(openingTag);
  if (!match) return undefined;
  return (match[1] ?? "")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
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

/**
 * What a browser or a screen reader would trip on in server-rendered markup: duplicate ids,
 * references (for, aria-describedby, aria-labelledby, #links) to missing ids, controls without a
 * label, untranslated message keys, inline styles or event handlers (the CSP forbids them).
 */
export function markupProblems(html: string): string[] {
  const problems: string[] = [];
  const all = ids(html);
  const known = new Set(all);
  const seen = new Set<string>();
  for (const id of all) {
    if (seen.has(id)) problems.push(`duplicate id "${id}"`);
    seen.add(id);
  }
  for (const [, name, value] of html.matchAll(/\s(for|aria-describedby|aria-labelledby)="([^"]*)"/g)) {
    for (const ref of value!.split(/\s+/).filter(Boolean)) {
      if (!known.has(ref)) problems.push(`${name} points to missing id "${ref}"`);
    }
  }
  for (const [, target] of html.matchAll(/\shref="#([^"]+)"/g)) {
    if (!known.has(target!)) problems.push(`link to missing id "#${target}"`);
  }
  const labelled = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]*)"/g)].map((m) => m[1]!));
  for (const control of [...tags(html, "input"), ...tags(html, "select"), ...tags(html, "textarea")]) {
    if (attr(control, "type") === "hidden" || attr(control, "aria-label")) continue;
    const id = attr(control, "id");
    if (!id || !labelled.has(id)) problems.push(`control without a label: ${control}`);
  }
  const keys = textOf(html).match(/\b(?:views|gallery)\.[A-Za-z]+\.[\w.-]+/g);
  if (keys) problems.push(`untranslated keys: ${keys.join(", ")}`);
  if (/\sstyle=/.test(html)) problems.push("inline style attribute");
  if (/\son[a-z]+=/.test(html)) problems.push("inline event handler");
  return problems;
}
