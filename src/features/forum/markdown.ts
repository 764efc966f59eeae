import MarkdownIt from "markdown-it";

/**
 * The forum's Markdown: a safe subset (paragraphs and line breaks, emphasis, lists, links, block
 * quotes, inline code) rendered by markdown-it with raw HTML off, so `<script>` or an `onerror`
 * attribute comes out as text. Built from the "zero" preset, so anything not enabled here
 * (images, headings, tables, HTML blocks) stays plain text. Links must be http(s) or mailto; they
 * get rel="nofollow ugc" and open in the same tab.
 */
const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true, typographer: false });
md.enable([
  "emphasis",
  "list",
  "link",
  "blockquote",
  "newline",
  "backticks",
  "escape",
  "entity",
  "linkify",
  "autolink",
]);

const SAFE_LINK = /^(https?:|mailto:)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet("rel", "nofollow ugc");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** HTML for a forum text. The only place forum HTML is made: views insert its output as is. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
