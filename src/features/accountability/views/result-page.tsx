import type { FieldErrors } from "../../../core/forms.js";
import { formatDay } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { Select } from "../../../core/views/components/select/select.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { UPDATE_FIELDS, type UpdateField, type UpdateInput } from "../commands/post-update.js";
import type { OriginLink, ResultDetail, ResultSummary, TimelineEntry } from "../queries.js";
import { EVIDENCE_UPLOADS } from "../schema.js";
import { RESULT_STATUSES } from "../tables.js";
import { Dates, Dinars, ProgressBar, ResultList, StatusTags } from "./parts.js";

export interface ResultPageProps {
  result: ResultDetail;
  parent: { id: string; title: LocalizedText } | null;
  children: ResultSummary[];
  timeline: TimelineEntry[];
  origin: OriginLink;
  place: { governorate: LocalizedText | null; municipality: LocalizedText | null };
  theme: LocalizedText | null;
  viewer: { signedIn: boolean; following: boolean; canUpdate: boolean; canEdit: boolean };
  updateValues?: UpdateInput;
  updateErrors?: FieldErrors<UpdateField>;
}

/** Where a result comes from, linked to that record. */
function OriginText({ origin }: { origin: OriginLink }) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  if (!origin.path) return <>{t(`accountability.origin.${origin.origin}`)}</>;
  const name = typeof origin.name === "string" ? origin.name : plain(origin.name);
  return (
    <>
      {t(`accountability.origin.${origin.origin}`)}:{" "}
      <a class="sh-link" href={href(origin.path)}>
        <bdi>{name}</bdi>
      </a>
      {origin.sectionPosition !== null && (
        <>
          {" "}
          ({t("accountability.origin.section", { n: origin.sectionPosition })}
          {origin.section && Object.keys(origin.section).length > 0 ? (
            <>
              {": "}
              <Localized text={origin.section} />
            </>
          ) : null}
          )
        </>
      )}
    </>
  );
}

/** One entry of the timeline: its date, what moved, its text and evidence, and who posted it. */
function TimelineItem({ u, resultId }: { u: TimelineEntry; resultId: string }) {
  const { t, locale } = usePage();
  const href = useHref();
  const date = formatDay(u.happenedOn, locale);
  const moved: string[] = [];
  if (u.statusAfter && u.statusAfter !== u.statusBefore)
    moved.push(
      u.statusBefore
        ? t("accountability.timeline.status", {
            before: t(`accountability.status.${u.statusBefore}`),
            after: t(`accountability.status.${u.statusAfter}`),
          })
        : t("accountability.timeline.created", { status: t(`accountability.status.${u.statusAfter}`) }),
    );
  if (u.progressAfter !== null && u.progressAfter !== (u.progressBefore ?? 0))
    moved.push(
      t("accountability.timeline.progress", { before: u.progressBefore ?? 0, after: u.progressAfter }),
    );
  return (
    <li class="sh-timeline__item">
      <h3 class="sh-heading-s">
        <time dateTime={u.happenedOn}>{date}</time>
      </h3>
      {moved.map((m) => (
        <p key={m} class="sh-body-text">
          <strong>{m}</strong>
        </p>
      ))}
      {Object.keys(u.body).length > 0 && (
        <p class="sh-body-text">
          <Localized text={u.body} />
        </p>
      )}
      {u.evidence.length > 0 && (
        <ul class="sh-list">
          {u.evidence.map((e, n) =>
            e.fileKey ? (
              <li key={e.fileKey}>
                <a class="sh-link" href={href(`/accountability/${resultId}/updates/${u.id}/files/${n}`)}>
                  {e.label ||
                    t("accountability.timeline.file", {
                      kind: e.mime === "application/pdf" ? "pdf" : "image",
                      n: n + 1,
                    })}
                </a>
              </li>
            ) : (
              <li key={e.url}>
                <a class="sh-link" href={e.url} rel="noopener nofollow" dir="auto">
                  {e.label || e.url}
                </a>
              </li>
            ),
          )}
        </ul>
      )}
      {u.authorStructureName && (
        <p class="sh-caption">
          {t("accountability.timeline.by")} <Localized text={u.authorStructureName} />
        </p>
      )}
    </li>
  );
}

/** The form staff post an update with: text, evidence, status and progress. */
function UpdateForm({
  result,
  computed,
  values,
  errors,
}: {
  result: ResultDetail;
  computed: boolean;
  values?: UpdateInput;
  errors?: FieldErrors<UpdateField>;
}) {
  const { t } = usePage();
  const ids = Object.fromEntries(UPDATE_FIELDS.map((f) => [f, `update-${f}`])) as Record<UpdateField, string>;
  const { message } = useFieldErrors(errors, ids);
  const v: UpdateInput = values ?? { status: result.status, progress: String(result.progress) };
  return (
    <section aria-labelledby="post-update">
      <h2 id="post-update" class="sh-heading-l">
        {t("accountability.update.title")}
      </h2>
      <Form action={`/accountability/${result.id}/updates`} enctype="multipart/form-data">
        <TextInput
          id={ids.happenedOn}
          name="happenedOn"
          type="text"
          width={10}
          label={t("accountability.update.happenedOn")}
          hint={t("accountability.update.dateHint")}
          value={v.happenedOn}
          error={message("happenedOn")}
          dir="ltr"
        />
        {(["Ar", "Fr", "En"] as const).map((s) => (
          <Textarea
            key={s}
            id={ids[`body${s}`]}
            name={`body${s}`}
            rows={4}
            label={t(`accountability.update.body${s}`)}
            value={v[`body${s}`]}
            error={message(`body${s}`)}
            maxLength={10_000}
          />
        ))}
        <Select
          id={ids.status}
          name="status"
          label={t("accountability.update.status")}
          value={v.status}
          error={message("status")}
          options={RESULT_STATUSES.map((s) => ({ value: s, text: t(`accountability.status.${s}`) }))}
        />
        <TextInput
          id={ids.progress}
          name="progress"
          inputMode="numeric"
          width={4}
          label={t("accountability.update.progress")}
          hint={
            computed ? t("accountability.update.progressComputed") : t("accountability.update.progressHint")
          }
          value={v.progress}
          error={message("progress")}
          disabled={computed}
        />
        {(["Ar", "Fr", "En"] as const).map((s) => (
          <TextInput
            key={s}
            id={ids[`dropReason${s}`]}
            name={`dropReason${s}`}
            label={t(`accountability.update.dropReason${s}`)}
            value={v[`dropReason${s}`]}
            error={message(`dropReason${s}`)}
          />
        ))}
        <Textarea
          id={ids.evidence}
          name="evidence"
          rows={3}
          label={t("accountability.update.evidence")}
          hint={t("accountability.update.evidenceHint")}
          value={v.evidence}
          error={message("evidence")}
        />
        <FileUpload
          id={ids.evidenceFiles}
          name="evidenceFiles"
          label={t("accountability.update.evidenceFiles")}
          hint={t("accountability.update.evidenceFilesHint", {
            max: EVIDENCE_UPLOADS.maxFiles,
            size: EVIDENCE_UPLOADS.maxFileSize / 1024 / 1024,
          })}
          accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
          multiple
          error={message("evidenceFiles")}
        />
        <Button>{t("accountability.update.submit")}</Button>
      </Form>
    </section>
  );
}

/** One result: what was committed, where it comes from, its progress, its parts and its timeline. */
export function ResultPage(props: ResultPageProps) {
  const { result: r, viewer, origin } = props;
  const { t, locale } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const title = plain(r.title);
  const base = `/accountability/${r.id}`;
  return (
    <Layout title={title} description={plain(r.description).slice(0, 200)}>
      <Breadcrumbs
        items={[
          { text: t("accountability.breadcrumbs.home"), href: href("/") },
          { text: t("accountability.list.title"), href: href("/accountability") },
          ...(props.parent
            ? [{ text: plain(props.parent.title), href: href(`/accountability/${props.parent.id}`) }]
            : []),
          { text: title },
        ]}
      />
      <h1 class="sh-heading-xl">
        <Localized text={r.title} />
      </h1>
      <p>
        <StatusTags r={r} />
      </p>
      <ProgressBar value={r.progress} id="result-progress" />
      {props.children.length > 0 && <p class="sh-caption">{t("accountability.result.progressComputed")}</p>}
      {r.status === "dropped" && r.dropReason && (
        <p class="sh-body-text">
          <strong>{t("accountability.result.dropReason")}</strong> <Localized text={r.dropReason} />
        </p>
      )}
      <p class="sh-body-text">
        <Localized text={r.description} />
      </p>
      <SummaryList>
        <SummaryRow label={t("accountability.result.structure")}>
          <a class="sh-link" href={href(`/structures/${r.structureCode}`)}>
            <Localized text={r.structureName} />
          </a>
        </SummaryRow>
        <SummaryRow label={t("accountability.result.place")}>
          {props.place.municipality ? (
            <Localized text={props.place.municipality} />
          ) : props.place.governorate ? (
            <Localized text={props.place.governorate} />
          ) : (
            t("accountability.place.national")
          )}
        </SummaryRow>
        {props.theme && (
          <SummaryRow label={t("accountability.result.theme")}>
            <Localized text={props.theme} />
          </SummaryRow>
        )}
        <SummaryRow label={t("accountability.result.dates")}>
          <Dates r={r} />
        </SummaryRow>
        {r.budgetPlanned && (
          <SummaryRow label={t("accountability.result.budgetPlanned")}>
            <Dinars amount={r.budgetPlanned} />
          </SummaryRow>
        )}
        {r.budgetSpent && (
          <SummaryRow label={t("accountability.result.budgetSpent")}>
            <Dinars amount={r.budgetSpent} />
          </SummaryRow>
        )}
        <SummaryRow label={t("accountability.result.origin")}>
          <OriginText origin={origin} />
        </SummaryRow>
      </SummaryList>
      <div class="sh-button-group">
        {viewer.signedIn ? (
          <Form action={`${base}/follow`}>
            <input type="hidden" name="follow" value={viewer.following ? "0" : "1"} />
            <Button variant="secondary">
              {viewer.following ? t("accountability.follow.stop") : t("accountability.follow.start")}
            </Button>
          </Form>
        ) : (
          <p class="sh-body-text">
            <a class="sh-link" href={href(`/sign-in?next=${encodeURIComponent(`/${locale}${base}`)}`)}>
              {t("accountability.follow.signIn")}
            </a>
          </p>
        )}
        {viewer.canEdit && (
          <Button variant="secondary" href={href(`/admin/accountability/${r.id}/edit`)}>
            {t("accountability.result.edit")}
          </Button>
        )}
      </div>
      {props.children.length > 0 && (
        <section aria-labelledby="parts">
          <h2 id="parts" class="sh-heading-l">
            {t("accountability.result.children", { count: props.children.length })}
          </h2>
          <ResultList rows={props.children} idPrefix="child" />
        </section>
      )}
      <section aria-labelledby="timeline">
        <h2 id="timeline" class="sh-heading-l">
          {t("accountability.timeline.title")}
        </h2>
        <ol class="sh-timeline">
          {props.timeline.map((u) => (
            <TimelineItem key={u.id} u={u} resultId={r.id} />
          ))}
        </ol>
      </section>
      {viewer.canUpdate && (
        <UpdateForm
          result={r}
          computed={props.children.length > 0}
          values={props.updateValues}
          errors={props.updateErrors}
        />
      )}
    </Layout>
  );
}
