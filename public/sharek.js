// Sharek: small enhancements for pages that already work without JavaScript.
// Components opt in with data-module="sh-…"; scripts never hook on styling classes.

/**
 * Character count: the server renders "You can enter up to N characters" under the field. Here it
 * stays as the field's description for screen readers, a live "N characters remaining" replaces it
 * on screen, and screen readers hear the count once typing pauses.
 */
function characterCount(root) {
  const field = root.querySelector("textarea, input");
  const message = root.querySelector(".sh-js-character-count-message");
  const max = Number(root.dataset.maxlength);
  if (!field || !message || !(max > 0)) return;
  const locale = root.dataset.locale || document.documentElement.lang;
  const branches = {
    remaining: JSON.parse(root.dataset.remaining || "{}"),
    over: JSON.parse(root.dataset.over || "{}"),
  };
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  const say = (kind, n) => {
    const forms = branches[kind];
    return (forms[`=${n}`] ?? forms[plural.select(n)] ?? forms.other ?? "").replaceAll("#", number.format(n));
  };

  const hint = message.parentElement;
  hint.classList.add("sh-visually-hidden");
  const status = document.createElement("div");
  status.className = "sh-hint sh-character-count__status";
  status.setAttribute("aria-hidden", "true");
  const live = document.createElement("div");
  live.className = "sh-visually-hidden";
  live.setAttribute("aria-live", "polite");
  hint.after(status, live);

  const invalid = field.getAttribute("aria-invalid") === "true";
  let timer;
  const update = (announce) => {
    const left = max - [...field.value].length;
    const text = left >= 0 ? say("remaining", left) : say("over", -left);
    status.textContent = text;
    status.classList.toggle("sh-character-count__status--over", left < 0);
    field.classList.toggle("sh-textarea--error", invalid || left < 0);
    if (!announce) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = text;
    }, 1000);
  };
  field.addEventListener("input", () => update(true));
  update(false);
}

/**
 * Error summary: takes the focus when the page loads, so the problem is the first thing read; its
 * links move to the field and keep its question (label or legend) in view.
 */
function errorSummary(summary) {
  // The first one on the page (the layout's, at the top of <main>) takes the focus, as autofocus does.
  if (summary === document.querySelector('[data-module="sh-error-summary"]')) summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    const field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();
    const legend = field.closest("fieldset")?.querySelector("legend");
    const label = legend ?? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) ?? field;
    label.scrollIntoView();
    field.focus({ preventScroll: true });
  });
}

/**
 * Proof of work (integrity report form): finds a nonce whose SHA-256 with the form's challenge
 * starts with 16 zero bits, in the background, and puts it in the hidden `pow` field. If the form is
 * sent before it is found, sending waits for it. Without JavaScript (or Web Crypto) the form is sent
 * as it is, and the server takes it through its slower lane.
 */
function proofOfWork(form) {
  const field = form.querySelector(".sh-js-pow");
  const challenge = form.dataset.challenge;
  if (!field || !challenge || !globalThis.crypto?.subtle) return;
  const encoder = new TextEncoder();
  const zeroBits = (bytes) => {
    let bits = 0;
    for (const byte of bytes) {
      if (byte === 0) bits += 8;
      else return bits + Math.clz32(byte) - 24;
    }
    return bits;
  };
  const solved = (async () => {
    for (let n = 0; n < 50_000_000; n++) {
      const digest = await crypto.subtle.digest("SHA-256", encoder.encode(`${challenge}:${n}`));
      if (zeroBits(new Uint8Array(digest)) >= 16) return String(n);
    }
    return "";
  })().then((nonce) => {
    field.value = nonce;
    return nonce;
  });
  let sending = false;
  form.addEventListener("submit", (event) => {
    if (field.value || sending) return;
    event.preventDefault();
    sending = true;
    const button = form.querySelector('button[type="submit"]');
    if (button) button.setAttribute("aria-busy", "true");
    solved.then(() => form.submit());
  });
}

/**
 * Similar ideas while writing (idea form): the server lists them when "Look for similar ideas" is
 * pressed. Here, once typing the title pauses, the list is asked for again as JSON and redrawn
 * (links and text only, built as DOM nodes). Offline or refused, the list stays as it was.
 */
function similarIdeas(root) {
  const field = document.getElementById(root.dataset.field);
  const list = root.querySelector(".sh-js-similar-list");
  const source = root.dataset.source;
  const min = Number(root.dataset.minLength) || 4;
  if (!field || !list || !source || !globalThis.fetch) return;
  let asked = field.value.trim();
  let timer;
  let pending;
  const show = ({ message, ideas }) => {
    const nodes = [];
    if (message) {
      const p = document.createElement("p");
      p.textContent = message;
      nodes.push(p);
    }
    if (ideas.length > 0) {
      const ul = document.createElement("ul");
      ul.className = "sh-list";
      for (const idea of ideas) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = idea.url;
        a.textContent = idea.title;
        li.append(a, ` · ${idea.supports}`);
        ul.append(li);
      }
      nodes.push(ul);
    }
    list.replaceChildren(...nodes);
  };
  const ask = async () => {
    const title = field.value.trim();
    if (title === asked) return;
    asked = title;
    pending?.abort();
    if ([...title].length < min) return list.replaceChildren();
    pending = new AbortController();
    try {
      const url = `${source}?title=${encodeURIComponent(title)}`;
      const response = await fetch(url, { signal: pending.signal, headers: { accept: "application/json" } });
      if (response.ok) show(await response.json());
    } catch {
      // Aborted by newer typing, or offline: the button still works.
    }
  };
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 300);
  });
}

/**
 * "Exit this page" (integrity pages): the link replaces this page in the history, so Back does not
 * return to it, and Esc pressed three times within two seconds does the same from anywhere on the
 * page. Without JavaScript it is a plain link.
 */
function quickExit(root) {
  const link = root.querySelector("a[href]");
  if (!link) return;
  const leave = () => {
    document.body.hidden = true;
    location.replace(link.href);
  };
  link.addEventListener("click", (event) => {
    event.preventDefault();
    leave();
  });
  let presses = [];
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const now = Date.now();
    presses = [...presses.filter((at) => now - at < 2000), now];
    if (presses.length >= 3) leave();
  });
  // Back to a page restored from the browser's memory: shown again.
  addEventListener("pageshow", () => {
    document.body.hidden = false;
  });
  root.querySelector(".sh-js-quick-exit-hint")?.removeAttribute("hidden");
}

/**
 * Copy (the follow-up link): the button is hidden in the page and shown here, where it can work.
 * It copies the text of the element named by data-target, and the live region beside it says so.
 */
function copyText(root) {
  const button = root.querySelector(".sh-js-copy");
  const status = root.querySelector(".sh-js-copy-status");
  const target = document.getElementById(root.dataset.target || "");
  if (!button || !status || !target) return;
  const fallback = (text) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  };
  button.addEventListener("click", () => {
    const text = target.textContent.trim();
    const copy = navigator.clipboard
      ? navigator.clipboard.writeText(text).catch(() => fallback(text))
      : fallback(text);
    status.textContent = "";
    copy.then(
      () => {
        status.textContent = status.dataset.copied || "";
      },
      () => {
        // Nothing was copied: select the link's text, so the person can copy it themselves.
        const range = document.createRange();
        range.selectNodeContents(target);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      },
    );
  });
  button.hidden = false;
}

/** Print: a button that opens the browser's print dialog, in place of the hint saying how to. */
function printPage(root) {
  const button = root.querySelector(".sh-js-print");
  if (!button || typeof window.print !== "function") return;
  button.addEventListener("click", () => window.print());
  button.hidden = false;
  root.querySelector(".sh-js-print-hint")?.setAttribute("hidden", "");
}

/**
 * File upload: the server renders the page-language button and status, and CSS follows the input
 * while it is `required` (never enforced: forms are sent with novalidate). Here `required` is
 * dropped, so no screen reader calls the field required, and the status names the chosen files.
 */
function fileUpload(root) {
  const input = root.querySelector(".sh-js-file-upload-input");
  const none = root.querySelector(".sh-js-file-upload-none");
  const chosen = root.querySelector(".sh-js-file-upload-chosen");
  if (!input || !none || !chosen) return;
  input.required = false;
  root.classList.add("sh-file-upload--enhanced");
  const list = new Intl.ListFormat(document.documentElement.lang || undefined, { type: "unit" });
  const update = () => {
    const names = [...(input.files ?? [])].map((file) => file.name);
    none.hidden = names.length > 0;
    chosen.hidden = names.length === 0;
    chosen.textContent = list.format(names);
  };
  input.addEventListener("change", update);
  update();
}

/**
 * Comments on a passage (a section of a text under consultation): each paragraph links to its page,
 * where a comment is on the whole paragraph. Here, once words are selected in one paragraph (with
 * the mouse, by touch or with the keyboard), a link appears just after it, next in the tab order:
 * it opens the paragraph's comment form with the words and their offsets, which the server checks.
 */
function passageComments(root) {
  const { base, label } = root.dataset;
  if (!base || !label) return;
  const tool = document.createElement("p");
  tool.className = "sh-passage__tool";
  tool.setAttribute("aria-live", "polite");
  tool.lang = document.documentElement.lang;
  tool.dir = document.documentElement.dir;
  const link = document.createElement("a");
  link.className = "sh-link sh-passage__select";
  link.textContent = label;
  let timer;
  const offset = (paragraph, node, at) => {
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    range.setEnd(node, at);
    return range.toString().length;
  };
  const update = () => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const element = (node) => (node.nodeType === 1 ? node : node.parentElement);
    const paragraph = element(range.startContainer)?.closest("[data-paragraph]");
    if (!paragraph || !root.contains(paragraph) || !paragraph.contains(range.endContainer)) return;
    const text = paragraph.textContent;
    let start = offset(paragraph, range.startContainer, range.startOffset);
    let end = offset(paragraph, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start >= end) return;
    const query = new URLSearchParams({ start, end, quote: text.slice(start, end) });
    link.href = `${base}/paragraphs/${paragraph.dataset.paragraph}?${query}#passage-form`;
    if (tool.previousElementSibling !== paragraph) paragraph.after(tool);
    if (!link.isConnected) tool.append(link);
  };
  document.addEventListener("selectionchange", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  // A press in <main> (focusable, as the skip link's target) focuses it, so Tab would go back to
  // the top: while the words are still selected, Tab goes to the link just after them instead.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || event.shiftKey || !link.isConnected || getSelection()?.isCollapsed) return;
    if (document.activeElement?.contains(tool)) {
      event.preventDefault();
      link.focus();
    }
  });
}

const modules = {
  "sh-character-count": characterCount,
  "sh-copy": copyText,
  "sh-error-summary": errorSummary,
  "sh-file-upload": fileUpload,
  "sh-passage-comments": passageComments,
  "sh-print": printPage,
  "sh-proof-of-work": proofOfWork,
  "sh-quick-exit": quickExit,
  "sh-similar-ideas": similarIdeas,
};

for (const element of document.querySelectorAll("[data-module]")) {
  const init = modules[element.dataset.module];
  if (!init || element.dataset.moduleStarted) continue;
  element.dataset.moduleStarted = "true";
  try {
    init(element);
  } catch (error) {
    console.error(error);
  }
}
