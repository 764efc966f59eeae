import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, textOf } from "../test-helpers.js";
import { notificationBannerExamples } from "./notification-banner.examples.js";
import { NotificationBanner } from "./notification-banner.js";

describe("NotificationBanner", () => {
  it("announces a success as an alert labelled by its heading", () => {
    const html = render(<NotificationBanner kind="success" title="Your request has been sent" />);
    const banner = tag(html, 'class="sh-banner');
    expect(attr(banner, "role")).toBe("alert");
    expect(attr(banner, "aria-labelledby")).toBe("notification-banner-title");
    expect(attr(banner, "aria-label")).toBeUndefined();
    expect(html).toContain('<h2 id="notification-banner-title" class="sh-banner__title">Success</h2>');
    expect(textOf(html)).toContain("Your request has been sent");
  });

  it("is a region labelled by its heading for information", () => {
    const html = render(
      <NotificationBanner kind="info" title="The consultation closes on 30 June" id="flash" headingLevel={3}>
        <p>Late contributions are not counted.</p>
      </NotificationBanner>,
      "fr",
    );
    const banner = tag(html, 'class="sh-banner');
    expect(banner.startsWith("<section")).toBe(true);
    expect(attr(banner, "role")).toBeUndefined();
    expect(attr(banner, "aria-labelledby")).toBe("flash-title");
    expect(html).toContain('<h3 id="flash-title" class="sh-banner__title">Important</h3>');
    expect(html).toContain("<p>Late contributions are not counted.</p>");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(notificationBannerExamples, locale))).toEqual([]);
  });
});
