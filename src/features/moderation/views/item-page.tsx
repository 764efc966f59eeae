import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { BLOCK_DAYS } from "../commands/moderate.js";
import type { ModeratedItem } from "../kinds.js";
import type { findCaseFile } from "../queries.js";

export type DecisionField = "decision" | "reason";
export type BlockField = "days" | "reason";

export function ItemPage({
  kind,
  label,
  item,
  file,
  errors,
  values,
  blockErrors,
}: {
  kind: string;
  label: string;
  item: ModeratedItem;
  file: Awaited<ReturnType<typeof findCaseFile>>;
  errors?: FieldErrors<DecisionField>;
  values?: Record<string, string>;
  blockErrors?: FieldErrors<BlockField>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const decision = useFieldErrors(errors, { decision: "decision", reason: "reason" });
  const block = useFieldErrors(blockErrors, { days: "days", reason: "blockReason" });
  const base = `/moderation/items/${kind}/${item.id}`;
  return (
    <Layout title={t("moderation.item.title")}>
      <decision.Summary />
      <block.Summary />
      <p>
        <a href={href("/moderation")}>{t("moderation.item.back")}</a>
      </p>
      <h1 class="sh-heading-xl">{t("moderation.item.title")}</h1>
      <dl class="sh-summary">
        <dt>{t("moderation.queue.kind")}</dt>
        <dd>{t(label)}</dd>
        <dt>{t("moderation.item.state")}</dt>
        <dd>{t(`moderation.state.${item.state}`)}</dd>
        <dt>{t("moderation.item.author")}</dt>
        <UserText as="dd">{file.author?.name ?? t("moderation.item.deletedAccount")}</UserText>
        {file.holdCause && (
          <>
            <dt>{t("moderation.queue.why")}</dt>
            <dd>{t(`moderation.holdCause.${file.holdCause}`)}</dd>
          </>
        )}
      </dl>
      <section class="sh-moderated-text" aria-labelledby="text-heading">
        <UserText as="h2" id="text-heading" class="sh-heading-m">
          {item.title ?? t("moderation.item.text")}
        </UserText>
        <UserText as="p" class="sh-prewrap">
          {item.body}
        </UserText>
        <p>
          <a href={href(item.path)}>{t("moderation.item.open")}</a>
        </p>
      </section>
      <h2 class="sh-heading-m">{t("moderation.item.flags", { count: file.flags.length })}</h2>
      <ul class="sh-list">
        {file.flags.map((f, i) => (
          <li key={i}>
            {t(`moderation.reasons.${f.reason}`)} · {formatDateTime(f.createdAt, locale)}
            {f.note && (
              <span class="sh-prewrap">
                {" "}
                — <UserText>{f.note}</UserText>
              </span>
            )}
          </li>
        ))}
      </ul>
      <h2 class="sh-heading-m">{t("moderation.item.decide")}</h2>
      <Form action={base}>
        <Radios
          id="decision"
          name="decision"
          label={t("moderation.item.decision")}
          value={values?.decision}
          error={decision.message("decision")}
          items={[
            { value: "hide", label: t("moderation.decisions.hide") },
            { value: "restore", label: t("moderation.decisions.restore") },
            { value: "dismiss", label: t("moderation.decisions.dismiss") },
          ]}
        />
        <Textarea
          id="reason"
          name="reason"
          label={t("moderation.item.reason")}
          hint={t("moderation.item.reasonHint")}
          value={values?.reason}
          error={decision.message("reason")}
          rows={3}
        />
        <Button>{t("moderation.item.submit")}</Button>
      </Form>
      {file.author && (
        <>
          <h2 class="sh-heading-m">{t("moderation.block.title")}</h2>
          {file.blockedUntil ? (
            <p>{t("moderation.block.until", { date: formatDateTime(file.blockedUntil, locale) })}</p>
          ) : (
            <Form action={`/moderation/accounts/${file.author.id}/block?from=${kind}/${item.id}`}>
              <Select
                id="days"
                name="days"
                label={t("moderation.block.days")}
                error={block.message("days")}
                options={BLOCK_DAYS.map((d) => ({
                  value: String(d),
                  text: t("moderation.block.daysOption", { count: d }),
                }))}
              />
              <TextInput
                id="blockReason"
                name="reason"
                label={t("moderation.item.reason")}
                error={block.message("reason")}
              />
              <Button variant="warning">{t("moderation.block.submit")}</Button>
            </Form>
          )}
        </>
      )}
      <h2 class="sh-heading-m">{t("moderation.item.history")}</h2>
      {file.history.length === 0 ? (
        <p>{t("moderation.item.noHistory")}</p>
      ) : (
        <ol class="sh-list">
          {file.history.map((h, i) => (
            <li key={i}>
              {t(`moderation.actions.${h.action}`)} · {formatDateTime(h.createdAt, locale)}
              {h.moderator && [" · ", <UserText key="m">{h.moderator}</UserText>]}
              {h.reason && [
                " — ",
                <UserText key="r">
                  {h.action === "held" ? t(`moderation.holdCause.${h.reason}`) : h.reason}
                </UserText>,
              ]}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
