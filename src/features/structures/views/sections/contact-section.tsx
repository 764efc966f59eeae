import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { Reference } from "../../../../core/views/components/user-text/user-text.js";
import { usePage } from "../../../../core/views/context.js";
import { Localized } from "../../../../core/views/localized-text.js";
import type { StructurePageData } from "../structure-page.js";

/** How to reach the structure: only the details it published. */
export function ContactSection({ data }: { data: StructurePageData }) {
  const { t } = usePage();
  const { address, phone, email, website } = data.structure.contact;
  const hasAddress = address && Object.values(address).some(Boolean);
  const any = hasAddress || phone || email || website;
  return (
    <section class="sh-structure__section" aria-labelledby="contact-title">
      <h2 id="contact-title" class="sh-heading-l">
        {t("structures.page.contact")}
      </h2>
      {!any ? (
        <p class="sh-body-text">{t("structures.page.noContact")}</p>
      ) : (
        <SummaryList>
          {hasAddress && (
            <SummaryRow label={t("structures.page.address")}>
              <Localized text={address} />
            </SummaryRow>
          )}
          {phone && (
            <SummaryRow label={t("structures.page.phone")}>
              <a class="sh-link" href={`tel:${phone}`}>
                <Reference>{phone}</Reference>
              </a>
            </SummaryRow>
          )}
          {email && (
            <SummaryRow label={t("structures.page.email")}>
              <a class="sh-link" href={`mailto:${email}`}>
                <Reference>{email}</Reference>
              </a>
            </SummaryRow>
          )}
          {website && (
            <SummaryRow label={t("structures.page.website")}>
              <a class="sh-link" href={website} dir="ltr" rel="noopener noreferrer">
                {website}
              </a>
            </SummaryRow>
          )}
        </SummaryList>
      )}
    </section>
  );
}
