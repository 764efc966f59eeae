import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button, ButtonGroup } from "../../../core/views/components/button/button.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import type { ParticipationRefusal } from "../../consultations/policy.js";
import type { ConsultationView } from "../../consultations/queries.js";
import { RefusalNote } from "../../consultations/views/comments.js";
import { STATEMENT_MAX, type StatementField } from "../commands/statements.js";
import { groupLabel, type Statement } from "../queries.js";
import type { MapSnapshot } from "../snapshot.js";
import { MapFigure } from "./map-figure.js";

export interface OpinionMapPageProps {
  c: ConsultationView;
  statements: Statement[];
  next: Statement | null;
  voted: number;
  snapshot: MapSnapshot | null;
  stale: boolean;
  /** The viewer's group in the last map (null: not in the map yet). */
  myGroup: number | null;
  refusal: ParticipationRefusal | null;
  errors?: FieldErrors<StatementField>;
  values?: Record<string, string>;
}

/** One statement to vote on: one small form, three buttons; works without JavaScript. */
function VoteForm({ c, statement }: { c: ConsultationView; statement: Statement }) {
  const { t, locale } = usePage();
  const body = pickLocalized(statement.body, locale);
  return (
    <Form action={`/consultations/${c.id}/opinion-map/votes`} class="sh-opinion-map__vote">
      <input type="hidden" name="statementId" value={statement.id} />
      <p class="sh-opinion-map__statement" lang={body.lang}>
        {body.text}
      </p>
      <ButtonGroup>
        <Button name="vote" value="agree">
          {t("opinion-map.vote.agree")}
        </Button>
        <Button name="vote" value="disagree" variant="secondary">
          {t("opinion-map.vote.disagree")}
        </Button>
        <Button name="vote" value="pass" variant="secondary">
          {t("opinion-map.vote.pass")}
        </Button>
      </ButtonGroup>
    </Form>
  );
}

/** The opinion map of a consultation: vote on statements one at a time, propose one, and see the map. */
export function OpinionMapPage(props: OpinionMapPageProps) {
  const { t, locale } = usePage();
  const href = useHref();
  const { c, snapshot } = props;
  const title = pickLocalized(c.title, locale).text;
  const { message, Summary } = useFieldErrors(props.errors, {
    body: "statement-body",
    bodyAr: "statement-body",
    bodyFr: "statement-body",
    bodyEn: "statement-body",
  });
  const approved = props.statements.length;
  return (
    <Layout title={`${t("opinion-map.title")} · ${title}`}>
      <Breadcrumbs
        items={[
          { text: t("consultations.breadcrumbs.home"), href: href("/") },
          { text: t("consultations.list.title"), href: href("/consultations") },
          { text: title, href: href(`/consultations/${c.id}`) },
          { text: t("opinion-map.title") },
        ]}
      />
      <Summary />
      <h1 class="sh-heading-xl">{t("opinion-map.title")}</h1>
      <p class="sh-body-text">{t("opinion-map.lead")}</p>

      <h2 class="sh-heading-m">{t("opinion-map.vote.title")}</h2>
      {props.refusal ? (
        <RefusalNote refusal={props.refusal} />
      ) : props.next ? (
        <>
          <p class="sh-hint">{t("opinion-map.vote.progress", { voted: props.voted, count: approved })}</p>
          <VoteForm c={c} statement={props.next} />
        </>
      ) : (
        <p class="sh-inset">
          {approved === 0
            ? t("opinion-map.vote.noStatements")
            : t("opinion-map.vote.allDone", { count: props.voted })}
        </p>
      )}

      {!props.refusal && (
        <>
          <h2 class="sh-heading-m">{t("opinion-map.where.title")}</h2>
          <p class="sh-body-text">
            {props.myGroup !== null
              ? t("opinion-map.where.inGroup", { label: groupLabel(props.myGroup) })
              : t("opinion-map.where.notYet", { count: Math.max(0, Math.min(7, approved) - props.voted) })}
          </p>
        </>
      )}

      {snapshot ? (
        <MapFigure snapshot={snapshot} statements={props.statements} />
      ) : (
        <p class="sh-inset">{t("opinion-map.map.notYet")}</p>
      )}
      {props.stale && snapshot && <p class="sh-hint">{t("opinion-map.map.updating")}</p>}

      {!props.refusal && (
        <>
          <h2 class="sh-heading-m">{t("opinion-map.propose.title")}</h2>
          <Form action={`/consultations/${c.id}/opinion-map/statements`}>
            <Textarea
              id="statement-body"
              name="body"
              label={t("opinion-map.propose.label")}
              hint={t("opinion-map.propose.hint", { max: STATEMENT_MAX })}
              value={props.values?.body}
              error={message("body")}
              maxLength={STATEMENT_MAX}
              rows={3}
            />
            <Button variant="secondary">{t("opinion-map.propose.send")}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
