import { formatDate } from "../../../../core/i18n/format.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { Reference } from "../../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../../core/views/components/util.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Layout } from "../../../../core/views/layout.js";
import { usePlainName } from "../../../../core/views/localized-text.js";
import { KeepList } from "../../citizen/views/follow-code-pages.js";
import type { CaseRow } from "../queries/case.js";

export interface ReceiptPageProps {
  c: CaseRow;
  structureName: LocalizedText;
  /** The secret follow-up link: with the follow code, the person's way to follow a request filed without an account. */
  followUrl: string;
  /** The request's follow-code PIN (none for requests filed before follow codes). */
  pin: string | null;
  /** The full address of the public follow page, where the reference and the PIN are typed. */
  followCodeUrl: string;
}

/**
 * The receipt an agent prints (or reads out) for a request filed on someone's behalf: its reference,
 * date, structure, type, deadline and how to follow it. Prints on its own: the site's header, footer
 * and the agent's links are left off paper.
 */
export function ReceiptPage({ c, structureName, followUrl, pin, followCodeUrl }: ReceiptPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const title = t("cases.workspace.receipt.title", { reference: c.reference });
  return (
    <Layout title={title} width="narrow">
      <section class="sh-case-receipt" aria-labelledby="receipt-title">
        <h1 id="receipt-title" class="sh-heading-l">
          {t("cases.workspace.receipt.heading")}
        </h1>
        <p class="sh-case-receipt__reference">
          <Reference>{c.reference}</Reference>
        </p>
        <SummaryList>
          <SummaryRow label={t("cases.workspace.fields.submitted")}>
            {formatDate(c.createdAt, locale)}
          </SummaryRow>
          <SummaryRow label={t("cases.workspace.fields.structure")}>{plain(structureName)}</SummaryRow>
          <SummaryRow label={t("cases.workspace.fields.type")}>{t(`cases.types.${c.type}`)}</SummaryRow>
          <SummaryRow label={t("cases.workspace.fields.channel")}>
            {t(`cases.channels.${c.channel}`)}
          </SummaryRow>
          <SummaryRow label={t("cases.fields.due")}>
            {c.dueAt ? formatDate(c.dueAt, locale) : t("cases.workspace.receipt.noDeadline")}
          </SummaryRow>
          {c.contactName && (
            <SummaryRow label={t("cases.workspace.fields.contactName")}>
              <bdi>{c.contactName}</bdi>
            </SummaryRow>
          )}
        </SummaryList>
        <h2 class="sh-heading-m">{t("cases.workspace.receipt.followTitle")}</h2>
        <p class="sh-body-text">{t("cases.workspace.receipt.follow")}</p>
        <KeepList reference={c.reference} pin={pin} followUrl={followUrl} />
        {pin && (
          <p class="sh-body-text">
            {translateWith(t, "cases.receipt.howCode", {
              url: (
                <bdi dir="ltr" class="sh-case-keep__url">
                  {followCodeUrl}
                </bdi>
              ),
            })}
          </p>
        )}
        <p class="sh-body-text">{t("cases.workspace.receipt.keep")}</p>
        {c.contactEmail && <p class="sh-body-text">{t("cases.workspace.receipt.mailed")}</p>}
      </section>
      <div class="sh-case-receipt__actions">
        <p class="sh-body-text">{t("cases.workspace.receipt.print")}</p>
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/staff/requests/${c.id}`)}>
            {t("cases.workspace.receipt.open")}
          </a>
          {" · "}
          <a class="sh-link" href={href(`/staff/requests/new?structure=${c.structureId}`)}>
            {t("cases.workspace.receipt.another")}
          </a>
        </p>
      </div>
    </Layout>
  );
}
