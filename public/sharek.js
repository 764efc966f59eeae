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
  summary.focus();
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

const modules = { "sh-character-count": characterCount, "sh-error-summary": errorSummary };

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
