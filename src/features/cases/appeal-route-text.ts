import type { Translate } from "../../core/i18n/catalog.js";
import { formatDate } from "../../core/i18n/format.js";
import type { Locale } from "../../core/i18n/localized.js";
import { type AppealRoute, afterCalendarDays } from "./access-law.js";

/**
 * One appeal route, as the requester reads it: where, within how long, and the article; with the
 * date it ends when it is the route open now (`since`: the refusal or the silence it runs from).
 */
export function appealRouteText(
  t: Translate,
  locale: Locale,
  route: AppealRoute,
  since: Date | null,
): string {
  if (route.route === "court") return t("cases.access.routes.court", { article: route.article });
  if (!since)
    return t(`cases.access.routes.${route.route}Later`, {
      article: route.article,
      days: route.fileWithinDays,
      answerDays: route.answerWithinDays,
    });
  return t(`cases.access.routes.${route.route}`, {
    article: route.article,
    days: route.fileWithinDays,
    answerDays: route.answerWithinDays,
    until: formatDate(afterCalendarDays(since, route.fileWithinDays), locale),
  });
}
