import type { Example, ExampleContext } from "../example.js";
import { StepTimeline } from "./step-timeline.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.timeline.${key}`);
const day = (iso: string) => new Date(`${iso}T10:00:00+01:00`);

export const stepTimelineExamples: Example[] = [
  {
    name: "consultation",
    title: "gallery.examples.consultation",
    render: (ctx) => (
      <StepTimeline
        label={s(ctx, "consultationLabel")}
        steps={[
          {
            title: s(ctx, "preparation"),
            state: "done",
            start: day("2025-02-01"),
            end: day("2025-04-15"),
            description: s(ctx, "preparationText"),
          },
          {
            title: s(ctx, "consultation"),
            state: "current",
            start: day("2025-05-01"),
            end: day("2025-06-30"),
            description: s(ctx, "consultationText"),
          },
          { title: s(ctx, "synthesis"), state: "upcoming", end: day("2025-08-31") },
          { title: s(ctx, "decision"), state: "upcoming" },
        ]}
      />
    ),
  },
  {
    name: "request-history",
    title: "gallery.examples.requestHistory",
    render: (ctx) => (
      <StepTimeline
        label={s(ctx, "requestLabel")}
        steps={[
          { title: s(ctx, "sent"), state: "done", start: day("2025-05-12") },
          { title: s(ctx, "receivedBy"), state: "done", start: day("2025-05-13") },
          {
            title: s(ctx, "transferred"),
            state: "current",
            start: day("2025-05-20"),
            description: s(ctx, "transferredText"),
          },
          {
            title: s(ctx, "answer"),
            state: "upcoming",
            end: day("2025-06-24"),
            description: s(ctx, "answerText"),
          },
        ]}
      />
    ),
  },
];
