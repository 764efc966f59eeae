import type { ComponentChildren } from "preact";
import { formatDate } from "../../../i18n/format.js";
import { usePage } from "../../context.js";
import { isoDate, translateWith } from "../util.js";

export type StepState = "done" | "current" | "upcoming";

export interface TimelineStep {
  title: ComponentChildren;
  state: StepState;
  /** When the step starts (or happened). */
  start?: Date;
  /** When the step ends, for a period such as a consultation phase. */
  end?: Date;
  description?: ComponentChildren;
}

export interface StepTimelineProps {
  steps: TimelineStep[];
  /** Names the list for screen readers, e.g. "Phases of the consultation". */
  label?: string;
}

function When({ start, end }: { start?: Date; end?: Date }) {
  const { t, locale } = usePage();
  const time = (date: Date) => <time dateTime={isoDate(date)}>{formatDate(date, locale)}</time>;
  if (start && end) {
    return <>{translateWith(t, "views.timeline.dateRange", { start: time(start), end: time(end) })}</>;
  }
  if (end) return <>{translateWith(t, "views.timeline.until", { end: time(end) })}</>;
  if (start) return time(start);
  return null;
}

/**
 * An ordered list of steps, each done, current or upcoming, with its dates: the phases of a
 * consultation, or the history of a request. The state is written out, never shown by colour alone.
 */
export function StepTimeline({ steps, label }: StepTimelineProps) {
  const { t } = usePage();
  return (
    <ol class="sh-timeline" aria-label={label}>
      {steps.map((step, index) => (
        <li
          key={index}
          class={`sh-timeline__step sh-timeline__step--${step.state}`}
          aria-current={step.state === "current" ? "step" : undefined}
        >
          <p class="sh-timeline__title">{step.title}</p>
          <p class="sh-timeline__meta">
            <span class="sh-timeline__state">{t(`views.timeline.state.${step.state}`)}</span>
            {(step.start || step.end) && (
              <span class="sh-timeline__date">
                <When start={step.start} end={step.end} />
              </span>
            )}
          </p>
          {step.description && <div class="sh-timeline__text">{step.description}</div>}
        </li>
      ))}
    </ol>
  );
}
