import type { NotificationKind } from "../../core/notifications/notify.js";
import type { CitizenNotice } from "./workspace/notify.js";

/** Every notice a submitter is told of; each one's line is its mail's subject. */
const NOTICES: ReadonlySet<string> = new Set<CitizenNotice["kind"]>([
  "replied",
  "infoRequested",
  "inProgress",
  "transferred",
  "closed",
  "extended",
  "merged",
  "silence",
]);

/**
 * What the requests feature writes into notification centres (workspace/notify.ts): a change of
 * the person's own request (a reply, a question, a status), and the new status of a request they
 * follow.
 */
export const caseNotificationKinds: NotificationKind[] = [
  {
    id: "request-update",
    labelKey: "cases.notifications.requestUpdate",
    messageKey: (params) =>
      typeof params.notice === "string" && NOTICES.has(params.notice)
        ? `cases.workspace.mail.citizen.${params.notice}.subject`
        : "cases.notifications.requestChanged",
    // A reply waits for no digest: e-mail and SMS come at once, or not at all.
    choices: { email: true, sms: true, frequencies: ["instant"] },
  },
  {
    id: "followed-request",
    labelKey: "cases.notifications.followedRequest",
    messageKey: () => "cases.workspace.mail.follower.subject",
    choices: { email: true, sms: false, frequencies: ["instant"] },
  },
];
