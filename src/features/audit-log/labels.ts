import { messagesFor, type Translate } from "../../core/i18n/catalog.js";
import type { Locale } from "../../core/i18n/localized.js";

const PREFIX = "audit-log.actions.";

/** The words for an action code ("membership.grant" → "Role granted"), or the code itself if unknown. */
export function actionLabel(t: Translate, action: string): string {
  const key = `${PREFIX}${action}`;
  const label = t(key);
  return label === key ? action : label;
}

/** Every action code with a label, for the filter's list. */
export function knownActions(locale: Locale): string[] {
  return Object.keys(messagesFor(locale))
    .filter((key) => key.startsWith(PREFIX))
    .map((key) => key.slice(PREFIX.length))
    .sort();
}
