import type { StatusTone } from "../../../../core/views/components/status-tag/status-tag.js";
import type { CaseStatus } from "../../lifecycle.js";

/** The tag colour of each status, the same on the request's page and in the citizen's list. */
export const STATUS_TONES: Record<CaseStatus, StatusTone> = {
  new: "new",
  in_progress: "info",
  awaiting_citizen: "warning",
  answered: "success",
  closed: "neutral",
};
