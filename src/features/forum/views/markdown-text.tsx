import { renderMarkdown } from "../markdown.js";

/** A forum text rendered from its safe Markdown (markdown.ts: no raw HTML, safe links only). */
export function MarkdownText({ source }: { source: string }) {
  return <div class="sh-prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
