import type { NotificationKind } from "../../core/notifications/notify.js";
import type { CitizenNotice } from "./workspace/notify.js";
import { canSetPreferences } from "./workspace/policy.js";
import { ASSIGNMENT_KIND, assignmentRhythm } from "./workspace/preferences.js";

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
 * follow. And, for staff only, the mails of requests handed to them (mail only, never in the centre).
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
  {
    id: ASSIGNMENT_KIND,
    labelKey: "cases.notifications.requestAssigned",
    hintKey: "cases.notifications.requestAssignedHint",
    messageKey: () => "cases.notifications.requestAssigned",
    shownTo: canSetPreferences,
    // A mail for each request at once (the default), or one summary each morning; never in the centre.
    choices: { centre: false, email: true, sms: false, frequencies: ["instant", "daily"] },
    stored: assignmentRhythm,
  },
];
