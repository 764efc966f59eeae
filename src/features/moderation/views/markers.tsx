import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../core/views/components/util.js";
import { useHref, usePage } from "../../../core/views/context.js";

/** Where hidden text was: says that moderation hid it, and why. Content features render it in place. */
export function Tombstone({ reason }: { reason: string | null }) {
  const { t } = usePage();
  return (
    <div class="sh-tombstone" role="note">
      <p class="sh-tombstone__title">{t("moderation.tombstone.title")}</p>
      {reason && (
        <p class="sh-tombstone__reason">
          {translateWith(t, "moderation.tombstone.reason", { reason: <UserText>{reason}</UserText> })}
        </p>
      )}
    </div>
  );
}

/** Shown to the author (and moderators) on an item held for review. */
export function HeldNotice() {
  const { t } = usePage();
  return (
    <p class="sh-tombstone sh-tombstone--held" role="note">
      {t("moderation.held.notice")}
    </p>
  );
}

/** The link to flag an item (to the flag form, which asks for a reason). */
export function FlagLink({ kind, id, label }: { kind: string; id: string; label?: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <a class="sh-flag-link" href={href(`/flag/${kind}/${id}`)} rel="nofollow">
      {label ?? t("moderation.flag.link")}
    </a>
  );
}
