import MarkdownIt from "markdown-it";

/**
 * Help content is Markdown written by platform admins. Raw HTML is off (it is shown as text), and
 * markdown-it's link check refuses javascript:, vbscript:, file: and data: URLs.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

/** Safe HTML for a Markdown text. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
