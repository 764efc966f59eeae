import { StatusTag, type StatusTone } from "../../../core/views/components/status-tag/status-tag.js";
import { usePage } from "../../../core/views/context.js";
import type { IdeaStatus } from "../rules.js";

const TONES: Record<IdeaStatus, StatusTone> = {
  under_review: "info",
  accepted: "success",
  rejected: "danger",
  in_progress: "warning",
  implemented: "success",
};

export function IdeaStatusTag({ status }: { status: IdeaStatus }) {
  const { t } = usePage();
  return <StatusTag tone={TONES[status]}>{t(`ideas.status.${status}`)}</StatusTag>;
}
