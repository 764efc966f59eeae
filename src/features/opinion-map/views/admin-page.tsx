import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { Table } from "../../../core/views/components/table/table.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import type { ConsultationView } from "../../consultations/queries.js";
import { ConsultationAdminFrame } from "../../consultations/views/admin/admin-frame.js";
import { STATEMENT_MAX, type StatementField } from "../commands/statements.js";
import type { Statement } from "../queries.js";
import type { MapSnapshot } from "../snapshot.js";
import { MapFigure } from "./map-figure.js";

/** The admin side of a consultation's opinion map: seed statements, moderate proposed ones, see the map. */
export function AdminOpinionMapPage(props: {
  c: ConsultationView;
  statements: Statement[];
  snapshot: MapSnapshot | null;
  stale: boolean;
  errors?: FieldErrors<StatementField>;
  values?: Record<string, string>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const ids = { bodyAr: "seed-ar", bodyFr: "seed-fr", bodyEn: "seed-en", body: "seed-ar" };
  const { message, Summary } = useFieldErrors(props.errors, ids);
  const pending = props.statements.filter((s) => s.status === "pending");
  const approved = props.statements.filter((s) => s.status === "approved");
  return (
    <ConsultationAdminFrame c={props.c} tab="opinion-map" title={t("opinion-map.title")}>
      <Summary />
      <h2 class="sh-heading-l">{t("opinion-map.admin.title")}</h2>
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/consultations/${props.c.id}/opinion-map`)}>
          {t("opinion-map.admin.publicPage")}
        </a>
      </p>

      <h2 class="sh-heading-m">{t("opinion-map.admin.pending", { count: pending.length })}</h2>
      {pending.length === 0 ? (
        <p class="sh-hint">{t("opinion-map.admin.nonePending")}</p>
      ) : (
        <ul class="sh-list">
          {pending.map((s) => (
            <li key={s.id}>
              <q>{pickLocalized(s.body, locale).text}</q>
              <Form action={`/admin/consultations/${props.c.id}/opinion-map/statements/${s.id}/moderate`}>
                <ButtonGroup>
                  <Button name="decision" value="approved">
                    {t("opinion-map.admin.approve")}
                  </Button>
                  <Button name="decision" value="rejected" variant="warning">
                    {t("opinion-map.admin.reject")}
                  </Button>
                </ButtonGroup>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h2 class="sh-heading-m">{t("opinion-map.admin.seedTitle")}</h2>
      <Form action={`/admin/consultations/${props.c.id}/opinion-map/statements`}>
        {(["Ar", "Fr", "En"] as const).map((l) => (
          <Textarea
            key={l}
            id={`seed-${l.toLowerCase()}`}
            name={`body${l}`}
            label={t(`opinion-map.admin.seedIn${l}`)}
            hint={t("opinion-map.propose.hint", { max: STATEMENT_MAX })}
            value={props.values?.[`body${l}`]}
            error={message(`body${l}` as StatementField)}
            maxLength={STATEMENT_MAX}
            rows={2}
          />
        ))}
        <Button>{t("opinion-map.admin.seed")}</Button>
      </Form>

      <Table
        id="opinion-statements"
        caption={t("opinion-map.admin.approved", { count: approved.length })}
        head={[{ text: t("opinion-map.admin.statement") }, { text: t("opinion-map.admin.origin") }]}
        rows={approved.map((s) => [
          pickLocalized(s.body, locale).text,
          s.seeded ? t("opinion-map.admin.seeded") : t("opinion-map.admin.proposed"),
        ])}
      />
      {props.snapshot ? (
        <MapFigure snapshot={props.snapshot} statements={approved} />
      ) : (
        <p class="sh-inset">{t("opinion-map.map.notYet")}</p>
      )}
      {props.stale && <p class="sh-hint">{t("opinion-map.map.updating")}</p>}
    </ConsultationAdminFrame>
  );
}
