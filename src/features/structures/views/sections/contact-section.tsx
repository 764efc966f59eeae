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
        <dl class="sh-summary-list">
          {hasAddress && (
            <div class="sh-summary-list__row">
              <dt class="sh-summary-list__key">{t("structures.page.address")}</dt>
              <dd class="sh-summary-list__value">
                <Localized text={address} />
              </dd>
            </div>
          )}
          {phone && (
            <div class="sh-summary-list__row">
              <dt class="sh-summary-list__key">{t("structures.page.phone")}</dt>
              <dd class="sh-summary-list__value">
                <a class="sh-link" href={`tel:${phone}`}>
                  <Reference>{phone}</Reference>
                </a>
              </dd>
            </div>
          )}
          {email && (
            <div class="sh-summary-list__row">
              <dt class="sh-summary-list__key">{t("structures.page.email")}</dt>
              <dd class="sh-summary-list__value">
                <a class="sh-link" href={`mailto:${email}`}>
                  <Reference>{email}</Reference>
                </a>
              </dd>
            </div>
          )}
          {website && (
            <div class="sh-summary-list__row">
              <dt class="sh-summary-list__key">{t("structures.page.website")}</dt>
              <dd class="sh-summary-list__value">
                <a class="sh-link" href={website} dir="ltr" rel="noopener noreferrer">
                  {website}
                </a>
              </dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
