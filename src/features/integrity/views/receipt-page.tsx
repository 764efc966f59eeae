import { NotificationBanner } from "../../../core/views/components/notification-banner/notification-banner.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { formatReceipt } from "../crypto.js";
import { IntegrityLayout } from "./parts.js";

/** The receipt, shown once, on a page made to be printed or copied by hand. */
export function ReceiptPage({ receipt }: { receipt: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <IntegrityLayout title={t("integrity.receipt.title")} width="narrow">
      <NotificationBanner kind="success" title={t("integrity.receipt.sent")} />
      <h1 class="sh-heading-xl">{t("integrity.receipt.title")}</h1>
      <p class="sh-integrity-receipt" dir="ltr" data-receipt={receipt}>
        {formatReceipt(receipt)}
      </p>
      <ul class="sh-list sh-list--bullet">
        {t("integrity.receipt.points")
          .split("\n")
          .map((point) => (
            <li key={point}>{point}</li>
          ))}
      </ul>
      <p class="sh-body-text sh-integrity-no-print">
        <a class="sh-link" href={href("/integrity/follow")}>
          {t("integrity.receipt.follow")}
        </a>
      </p>
    </IntegrityLayout>
  );
}
