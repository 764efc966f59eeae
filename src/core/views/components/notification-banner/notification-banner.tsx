import type { ComponentChildren } from "preact";
import { usePage } from "../../context.js";
import { Heading, type HeadingLevel } from "../util.js";

export interface NotificationBannerProps {
  /** success: the outcome of what the user just did (announced at once); info: something to know. */
  kind: "success" | "info";
  /** The message itself, e.g. "Your request has been sent" (markup allowed: a reference, a name). */
  title: ComponentChildren;
  children?: ComponentChildren;
  /** Must be unique on the page; defaults to "notification-banner". */
  id?: string;
  headingLevel?: HeadingLevel;
}

/**
 * A message above the page's content: a labelled region for information, an alert for success
 * (so screen readers announce it after a redirect). Its header names the kind, and labels it.
 */
export function NotificationBanner({
  kind,
  title,
  children,
  id = "notification-banner",
  headingLevel = 2,
}: NotificationBannerProps) {
  const { t } = usePage();
  const titleId = `${id}-title`;
  const body = (
    <>
      <div class="sh-banner__header">
        <Heading level={headingLevel} id={titleId} class="sh-banner__title">
          {t(`views.banner.${kind}`)}
        </Heading>
      </div>
      <div class="sh-banner__content">
        <p class="sh-banner__heading">{title}</p>
        {children}
      </div>
    </>
  );
  if (kind === "success") {
    return (
      <div id={id} class="sh-banner sh-banner--success" role="alert" aria-labelledby={titleId}>
        {body}
      </div>
    );
  }
  return (
    <section id={id} class="sh-banner sh-banner--info" aria-labelledby={titleId}>
      {body}
    </section>
  );
}
