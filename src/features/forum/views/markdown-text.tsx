import { renderMarkdown } from "../markdown.js";

/** A forum text (in its own direction, as user-text blocks are) rendered from its safe Markdown (markdown.ts: no raw HTML, safe links only). */
export function MarkdownText({ source }: { source: string }) {
  return (
    <div class="sh-prose sh-auto" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />
  );
}
