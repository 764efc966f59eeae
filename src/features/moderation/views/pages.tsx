import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { BLOCK_DAYS, FLAG_REASONS } from "../commands/moderate.js";
import type { ModeratedItem } from "../kinds.js";
import type { findCaseFile, QueueEntry } from "../queries.js";

const excerpt = (item: ModeratedItem) =>
  item.title ?? (item.body.length > 140 ? `${item.body.slice(0, 140)}…` : item.body);

export function QueuePage({
  entries,
  counts,
  total,
  labels,
  kind,
}: {
  entries: QueueEntry[];
  counts: Record<string, number>;
  total: number;
  /** kind → i18n key of its name. */
  labels: Record<string, string>;
  kind?: string;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <Layout title={t("moderation.queue.title")}>
      <h1 class="sh-heading-xl">{t("moderation.queue.title")}</h1>
      <p class="sh-lead">{t("moderation.queue.lead", { count: total })}</p>
      <nav aria-label={t("moderation.queue.byKind")}>
        <ul class="sh-list sh-list--inline">
          <li>
            <a href={href("/moderation")} aria-current={kind ? undefined : "page"}>
              {t("moderation.queue.all", { count: total })}
            </a>
          </li>
          {Object.entries(labels).map(([name, key]) => (
            <li key={name}>
              <a href={href(`/moderation?kind=${name}`)} aria-current={kind === name ? "page" : undefined}>
                {t("moderation.queue.kindCount", { kind: t(key), count: counts[name] ?? 0 })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {entries.length === 0 ? (
        <p>{t("moderation.queue.empty")}</p>
      ) : (
        <Table
          id="moderation-queue"
          caption={t("moderation.queue.caption")}
          head={[
            { text: t("moderation.queue.item") },
            { text: t("moderation.queue.kind") },
            { text: t("moderation.queue.why") },
            { text: t("moderation.queue.since") },
          ]}
          rows={entries.map((e) => [
            <a key="a" href={href(`/moderation/items/${e.kind}/${e.item.id}`)}>
              {excerpt(e.item) || t("moderation.queue.untitled")}
            </a>,
            t(labels[e.kind] ?? e.kind),
            [
              e.openFlags > 0 ? t("moderation.queue.flags", { count: e.openFlags }) : null,
              e.holdCause ? t(`moderation.holdCause.${e.holdCause}`) : null,
            ]
              .filter(Boolean)
              .join(" · "),
            formatDateTime(e.pendingSince, locale),
          ])}
        />
      )}
    </Layout>
  );
}

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
        <dd>{file.author?.name ?? t("moderation.item.deletedAccount")}</dd>
        {file.holdCause && (
          <>
            <dt>{t("moderation.queue.why")}</dt>
            <dd>{t(`moderation.holdCause.${file.holdCause}`)}</dd>
          </>
        )}
      </dl>
      <section class="sh-moderated-text" aria-labelledby="text-heading">
        <h2 id="text-heading" class="sh-heading-m">
          {item.title ?? t("moderation.item.text")}
        </h2>
        <p class="sh-prewrap">{item.body}</p>
        <p>
          <a href={href(item.path)}>{t("moderation.item.open")}</a>
        </p>
      </section>
      <h2 class="sh-heading-m">{t("moderation.item.flags", { count: file.flags.length })}</h2>
      <ul class="sh-list">
        {file.flags.map((f, i) => (
          <li key={i}>
            {t(`moderation.reasons.${f.reason}`)} · {formatDateTime(f.createdAt, locale)}
            {f.note && <span class="sh-prewrap"> — {f.note}</span>}
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
              {h.moderator ? ` · ${h.moderator}` : ""}
              {h.reason ? ` — ${h.action === "held" ? t(`moderation.holdCause.${h.reason}`) : h.reason}` : ""}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

export type FlagField = "reason" | "note";

export function FlagPage({
  kind,
  item,
  errors,
  values,
}: {
  kind: string;
  item: ModeratedItem;
  errors?: FieldErrors<FlagField>;
  values?: Record<string, string>;
}) {
  const { t } = usePage();
  const href = useHref();
  const { message, Summary } = useFieldErrors(errors, { reason: "reason", note: "note" });
  return (
    <Layout title={t("moderation.flag.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("moderation.flag.title")}</h1>
      <p class="sh-lead">{t("moderation.flag.lead")}</p>
      <blockquote class="sh-quote">
        <p class="sh-prewrap">{excerpt(item)}</p>
      </blockquote>
      <Form action={`/flag/${kind}/${item.id}`}>
        <Radios
          id="reason"
          name="reason"
          label={t("moderation.flag.reason")}
          value={values?.reason}
          error={message("reason")}
          items={FLAG_REASONS.map((r) => ({ value: r, label: t(`moderation.reasons.${r}`) }))}
        />
        <Textarea
          id="note"
          name="note"
          label={t("moderation.flag.note")}
          hint={t("moderation.flag.noteHint")}
          value={values?.note}
          error={message("note")}
          rows={3}
        />
        <Button>{t("moderation.flag.submit")}</Button>
      </Form>
      <p>
        <a href={href(item.path)}>{t("moderation.flag.cancel")}</a>
      </p>
    </Layout>
  );
}

export type RulesField = "newAccountDays" | "burstMax" | "burstMinutes" | "words";

export function RulesPage({
  values,
  errors,
}: {
  values: Record<RulesField, string>;
  errors?: FieldErrors<RulesField>;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(errors, {
    newAccountDays: "newAccountDays",
    burstMax: "burstMax",
    burstMinutes: "burstMinutes",
    words: "words",
  });
  return (
    <Layout title={t("moderation.rules.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("moderation.rules.title")}</h1>
      <p class="sh-lead">{t("moderation.rules.lead")}</p>
      <Form action="/admin/moderation">
        {(["newAccountDays", "burstMax", "burstMinutes"] as const).map((name) => (
          <TextInput
            key={name}
            id={name}
            name={name}
            label={t(`moderation.rules.${name}`)}
            value={values[name]}
            error={message(name)}
            inputMode="numeric"
            width={4}
            dir="ltr"
          />
        ))}
        <Textarea
          id="words"
          name="words"
          label={t("moderation.rules.words")}
          hint={t("moderation.rules.wordsHint")}
          value={values.words}
          error={message("words")}
          rows={8}
        />
        <Button>{t("moderation.rules.save")}</Button>
      </Form>
    </Layout>
  );
}
