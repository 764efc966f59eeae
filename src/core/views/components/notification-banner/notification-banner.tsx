import type { ComponentChildren } from "preact";

export interface NotificationBannerProps {
  kind: "success" | "info";
  title: string;
  children?: ComponentChildren;
}

export function NotificationBanner({ kind, title, children }: NotificationBannerProps) {
  return (
    <div
      class={`sh-banner sh-banner--${kind}`}
      role={kind === "success" ? "status" : "region"}
      aria-label={title}
    >
      <p class="sh-banner__title">{title}</p>
      {children}
    </div>
  );
}
