import { formatDate } from "../../../../core/i18n/format.js";
import { StatusTag, type StatusTone } from "../../../../core/views/components/status-tag/status-tag.js";
import { UserText } from "../../../../core/views/components/user-text/user-text.js";
import { usePage } from "../../../../core/views/context.js";
import { tunisDay } from "../../../calendar/days.js";
import type { CaseStatus } from "../../lifecycle.js";
import type { CaseDeadlineState } from "../deadline-state.js";

const STATUS_TONE: Record<CaseStatus, StatusTone> = {
  new: "new",
  in_progress: "info",
  awaiting_citizen: "warning",
  answered: "success",
  closed: "neutral",
};

const DEADLINE_TONE: Record<Exclude<CaseDeadlineState, "none">, StatusTone> = {
  on_time: "success",
  due_soon: "warning",
  overdue: "danger",
  paused: "neutral",
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = usePage();
  return <StatusTag tone={STATUS_TONE[status]}>{t(`cases.workspace.status.${status}`)}</StatusTag>;
}

/** The deadline's state in words (never by colour alone); nothing when there is none. */
export function DeadlineTag({ state }: { state: CaseDeadlineState }) {
  const { t } = usePage();
  if (state === "none") return null;
  return <StatusTag tone={DEADLINE_TONE[state]}>{t(`cases.workspace.deadline.${state}`)}</StatusTag>;
}

/** A date as a <time>, in the page's language (tunisDay: isoDate builds a formatter per call, too slow for a queue of 50 rows). */
export function DateText({ date }: { date: Date | null }) {
  const { locale } = usePage();
  if (!date) return null;
  return <time dateTime={tunisDay(date)}>{formatDate(date, locale)}</time>;
}

/** Text typed by someone, in whatever language and direction, its line breaks kept (no inline style: the CSP forbids it). */
export function MultilineText({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/);
  return (
    <>
      {paragraphs.map((p, i) => (
        <UserText as="p" key={i} class="sh-body-text">
          {p.split("\n").map((line, j) => (
            <>
              {j > 0 && <br />}
              {line}
            </>
          ))}
        </UserText>
      ))}
    </>
  );
}
