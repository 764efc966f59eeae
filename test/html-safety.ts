import { type DefaultTreeAdapterMap, parse } from "parse5";

type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["document"];
type Element = DefaultTreeAdapterMap["element"];

/** Elements no user text may ever produce (the layout's own <script> and <link>s are checked by source). */
const FORBIDDEN = new Set([
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "style",
  "base",
  "xml",
  "xss",
  "bgsound",
  "layer",
  "ilayer",
  "template",
]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "background",
  "data",
  "poster",
  "lowsrc",
  "dynsrc",
  "xlink:href",
  "srcdoc",
  "codebase",
]);
const DANGEROUS_SCHEME = /^(javascript|vbscript|data|livescript|mocha):/;

/**
 * Every way a page could run code it should not: a script other than the site's own, an event
 * handler attribute, a dangerous element, a URL with a script scheme (as a browser reads it: entity
 * decoded, with control characters and spaces dropped, in any case), a style with a url() or an
 * expression, or a meta refresh. Returns what it found; an empty list means the page is safe.
 */
export function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  const visit = (node: Node) => {
    if ("tagName" in node) check(node as Element, problems);
    const children = "childNodes" in node ? node.childNodes : [];
    for (const child of children) visit(child as Node);
    if ("content" in node && node.content) visit(node.content as unknown as Node);
  };
  visit(parse(html));
  return problems;
}

/** A JSON-LD data block the browser never runs: valid JSON, with no "<" that could end it early. */
function jsonData(el: Element, attrs: Map<string, string>): boolean {
  if (attrs.get("type") !== "application/ld+json" || attrs.has("src")) return false;
  const text = el.childNodes.map((n) => ("value" in n ? n.value : "")).join("");
  if (text.includes("<")) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function check(el: Element, problems: string[]) {
  const attrs = new Map(el.attrs.map((a) => [a.name.toLowerCase(), a.value]));
  const tag = el.tagName.toLowerCase();
  // The design system's own icons are inline <svg class="sh-…">; their contents are checked like the rest.
  const siteIcon = tag === "svg" && (attrs.get("class") ?? "").startsWith("sh-");
  if (FORBIDDEN.has(tag) && !siteIcon) problems.push(`<${tag}>`);
  if (tag === "script" && !(attrs.get("src") ?? "").startsWith("/static/") && !jsonData(el, attrs))
    problems.push("<script> not from /static/");
  // Only a link that loads something must be the site's own: a page's canonical address and its
  // language versions are absolute addresses that nothing fetches.
  const loads = !["canonical", "alternate"].includes((attrs.get("rel") ?? "").toLowerCase());
  if (tag === "link" && loads && !(attrs.get("href") ?? "").startsWith("/"))
    problems.push("<link> to elsewhere");
  if (tag === "meta" && attrs.has("http-equiv")) problems.push("<meta http-equiv>");
  if (tag === "img" && !(attrs.get("src") ?? "").startsWith("/")) problems.push("<img> from elsewhere");
  if (tag === "input" && (attrs.get("type") ?? "").toLowerCase() === "image")
    problems.push("<input type=image>");
  for (const [name, value] of attrs) {
    if (name.startsWith("on")) problems.push(`${tag}[${name}]`);
    if (URL_ATTRIBUTES.has(name)) {
      // Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what browsers skip
      const scheme = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
      if (DANGEROUS_SCHEME.test(scheme)) problems.push(`${tag}[${name}=${value.slice(0, 40)}]`);
    }
    if (name === "style" && /url\s*\(|expression\s*\(|javascript:/i.test(value))
      problems.push(`${tag}[style]`);
  }
}

/**
 * Filter-evasion vectors from the OWASP XSS Filter Evasion Cheat Sheet, plus Markdown link tricks
 * and attribute break-outs, as a person could type them into any text field.
 */
export const XSS_VECTORS = [
  "<script>alert('XSS')</script>",
  "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
  "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(42);//'>",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  "<IMG SRC=# onmouseover=\"alert('xxs')\">",
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
  "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
  "<IMG SRC=\"jav\tascript:alert('XSS');\">",
  "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
  "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
  '<IMG SRC=java\u0000script:alert("XSS")>',
  '<SCRIPT/XSS SRC="https://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  "<SCRIPT SRC=//xss.rocks/.j>",
  "<iframe src=http://xss.rocks/scriptlet.html <",
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  "</textarea><script>alert(1)</script>",
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
  "<svg/onload=alert('XSS')>",
  "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
  "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
  "<BASE HREF=\"javascript:alert('XSS');//\">",
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)' x='",
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "<javascript:alert(1)>",
  "![x](javascript:alert(1))",
  '[click](https://sharek.example.tn "title\\" onmouseover=\\"alert(1)")',
  "[a]: javascript:alert(1)\n\n[a]",
  "``<img src=x onerror=alert(1)>``",
];
