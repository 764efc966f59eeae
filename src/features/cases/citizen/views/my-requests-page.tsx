import { formatDate } from "../../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../../core/i18n/localized.js";
import { StatusTag } from "../../../../core/views/components/status-tag/status-tag.js";
import { Reference, UserText } from "../../../../core/views/components/user-text/user-text.js";
import { usePage } from "../../../../core/views/context.js";
import { Layout } from "../../../../core/views/layout.js";
import type { CaseRow } from "../../queries.js";
import { STATUS_TONES } from "./status-tones.js";

type Listed = { case: CaseRow; structureName: LocalizedText };

/**
 * The citizen's own requests (each opens its page), then the requests they follow: someone else's,
 * so only what the similar-request list already showed (reference, structure, subject, status);
 * changes reach them by mail.
 */
export function MyRequestsPage({ list, followed }: { list: Listed[]; followed: Listed[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("cases.mine.title")}>
      <h1 class="sh-heading-xl">{t("cases.mine.title")}</h1>
      <p class="sh-body-text">
        <a class="sh-link" href={`/${locale}/requests/new`}>
          {t("cases.mine.new")}
        </a>
      </p>
      {list.length === 0 ? (
        <p class="sh-body-text">{t("cases.mine.empty")}</p>
      ) : (
        <ul class="sh-card-list">
          {list.map(({ case: c, structureName }) => (
            <li key={c.id} class="sh-card">
              <p class="sh-card__meta">
                <Reference>{c.reference}</Reference> · {pickLocalized(structureName, locale).text} ·{" "}
                {formatDate(c.createdAt, locale)}
              </p>
              <h2 class="sh-card__heading sh-auto" dir="auto">
                <a class="sh-card__link" href={`/${locale}/requests/${c.id}`}>
                  {c.subject}
                </a>
              </h2>
              <StatusTag tone={STATUS_TONES[c.status]}>{t(`cases.status.${c.status}`)}</StatusTag>
            </li>
          ))}
        </ul>
      )}
      {followed.length > 0 && (
        <section aria-labelledby="followed-heading">
          <h2 id="followed-heading" class="sh-heading-l">
            {t("cases.mine.followed")}
          </h2>
          <ul class="sh-card-list">
            {followed.map(({ case: c, structureName }) => (
              <li key={c.id} class="sh-card">
                <p class="sh-card__meta">
                  <Reference>{c.reference}</Reference> · {pickLocalized(structureName, locale).text}
                </p>
                <UserText as="h3" class="sh-card__heading">
                  {c.subject}
                </UserText>
                <StatusTag tone={STATUS_TONES[c.status]}>{t(`cases.status.${c.status}`)}</StatusTag>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
