import type { WidgetKind } from "../../core/features/contracts.js";
import { formatDate } from "../../core/i18n/format.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { usePage } from "../../core/views/context.js";
import { Localized } from "../../core/views/localized-text.js";
import { listOpenConsultations } from "./list-queries.js";

interface OpenConsultation {
  id: string;
  title: LocalizedText;
  closesAt: Date;
}

function ConsultationsBody({ open }: { open: OpenConsultation[] }) {
  const { t, locale } = usePage();
  if (open.length === 0) return <p class="sh-body-text">{t("widgets.consultations.none")}</p>;
  return (
    <ul class="sh-list">
      {open.map((c) => (
        <li key={c.id} class="sh-widget__item">
          <a class="sh-link" href={`/${locale}/consultations/${c.id}`} target="_blank" rel="noopener">
            <Localized text={c.title} />
          </a>
          <br />
          {t("widgets.consultations.closes", { date: formatDate(c.closesAt, locale) })}
        </li>
      ))}
    </ul>
  );
}

/** The structure's own published consultations open now, closing soonest first. */
export const consultationsWidget: WidgetKind = {
  kind: "consultations",
  titleKey: "widgets.kind.consultations",
  order: 10,
  async body(db, structure) {
    const open = await listOpenConsultations(db, 5, new Date(), structure.id);
    return <ConsultationsBody open={open.map(({ id, title, closesAt }) => ({ id, title, closesAt }))} />;
  },
};
