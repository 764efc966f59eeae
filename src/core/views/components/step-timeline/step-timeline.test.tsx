import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags, textOf } from "../test-helpers.js";
import { stepTimelineExamples } from "./step-timeline.examples.js";
import { StepTimeline } from "./step-timeline.js";

const steps = [
  { title: "Preparation", state: "done" as const, start: new Date("2025-02-01T10:00:00Z") },
  {
    title: "Public consultation",
    state: "current" as const,
    start: new Date("2025-05-01T10:00:00Z"),
    end: new Date("2025-06-30T10:00:00Z"),
  },
  { title: "Decision", state: "upcoming" as const, end: new Date("2025-08-31T10:00:00Z") },
];

describe("StepTimeline", () => {
  it("is an ordered list with the current step marked", () => {
    const html = render(<StepTimeline steps={steps} label="Phases of the consultation" />);
    expect(attr(tag(html, "<ol"), "aria-label")).toBe("Phases of the consultation");
    const items = tags(html, "li");
    expect(items.map((li) => attr(li, "aria-current"))).toEqual([undefined, "step", undefined]);
    expect(items.map((li) => attr(li, "class"))).toEqual([
      "sh-timeline__step sh-timeline__step--done",
      "sh-timeline__step sh-timeline__step--current",
      "sh-timeline__step sh-timeline__step--upcoming",
    ]);
  });

  it("writes each state out, not only in colour, and dates as machine-readable times", () => {
    const html = render(<StepTimeline steps={steps} />);
    expect(textOf(html)).toContain("Completed");
    expect(textOf(html)).toContain("In progress");
    expect(textOf(html)).toContain("Upcoming");
    expect(tags(html, "time").map((t) => attr(t, "datetime"))).toEqual([
      "2025-02-01",
      "2025-05-01",
      "2025-06-30",
      "2025-08-31",
    ]);
    expect(textOf(html)).toContain("1 May 2025 to 30 June 2025");
    expect(textOf(html)).toContain("Until 31 August 2025");
  });

  it("puts dates where each language's sentence wants them", () => {
    expect(textOf(render(<StepTimeline steps={steps} />, "fr"))).toContain("Du 1 mai 2025 au 30 juin 2025");
    expect(textOf(render(<StepTimeline steps={steps} />, "ar"))).toMatch(/من .+ إلى .+/);
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(stepTimelineExamples, locale))).toEqual([]);
  });
});
