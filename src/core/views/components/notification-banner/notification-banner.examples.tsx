import type { Example, ExampleContext } from "../example.js";
import { NotificationBanner } from "./notification-banner.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const notificationBannerExamples: Example[] = [
  {
    name: "success",
    title: "gallery.examples.success",
    render: (ctx) => (
      <NotificationBanner
        id={ctx.id("banner")}
        headingLevel={3}
        kind="success"
        title={s(ctx, "banner.sent")}
      />
    ),
  },
  {
    name: "info",
    title: "gallery.examples.info",
    render: (ctx) => (
      <NotificationBanner
        id={ctx.id("banner")}
        headingLevel={3}
        kind="info"
        title={s(ctx, "banner.closing")}
      />
    ),
  },
  {
    name: "with-content",
    title: "gallery.examples.withContent",
    render: (ctx) => (
      <NotificationBanner id={ctx.id("banner")} headingLevel={3} kind="success" title={s(ctx, "banner.sent")}>
        <p class="sh-body-text">{s(ctx, "banner.sentBody")}</p>
        <p class="sh-body-text">
          <a class="sh-link" href={`/${ctx.locale}/gallery/step-timeline`}>
            {s(ctx, "banner.follow")}
          </a>
        </p>
      </NotificationBanner>
    ),
  },
];
