import { formatDate } from "../../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { SummaryList, SummaryRow } from "../../../../core/views/components/summary-list/summary-list.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Reference } from "../../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../../core/views/components/util.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Layout } from "../../../../core/views/layout.js";
import { formatPin } from "../../follow-code.js";
import type { CaseRow } from "../../queries.js";

/** What to keep to follow a request: shown once it is sent, and on its printable receipt. */
export interface KeepProps {
  reference: string;
  /** The PIN, when the request has one (requests filed before follow codes have none). */
  pin: string | null;
  followUrl: string;
}

/** The reference, the follow code and the link, as a list; the link wraps anywhere. Also on the counter's receipt. */
export function KeepList({ reference, pin, followUrl }: KeepProps) {
  const { t } = usePage();
  return (
    <SummaryList class="sh-case-keep__list">
      <SummaryRow label={t("cases.followCode.reference")} valueClass="sh-case-keep__value">
        <Reference>{reference}</Reference>
      </SummaryRow>
      {pin && (
        <SummaryRow label={t("cases.followCode.pin")} valueClass="sh-case-keep__value">
          <Reference>{formatPin(pin)}</Reference>
        </SummaryRow>
      )}
      <SummaryRow label={t("cases.keep.link")}>
        <a class="sh-link sh-case-keep__link" href={followUrl} dir="ltr" id="follow-link">
          {followUrl}
        </a>
      </SummaryRow>
    </SummaryList>
  );
}

/**
 * Right after sending: the things to keep, a copy button (added by sharek.js; without JavaScript
 * the link is there to select), and a link to the printable receipt (a page, so it works without
 * JavaScript too).
 */
export function KeepPanel(props: KeepProps & { anonymous: boolean; receiptHref: string }) {
  const { t, locale } = usePage();
  return (
    <section class="sh-case-keep" aria-labelledby="keep-title">
      <h2 id="keep-title" class="sh-heading-m">
        {t("cases.keep.title")}
      </h2>
      <KeepList {...props} />
      <div class="sh-case-keep__actions" data-module="sh-copy" data-target="follow-link">
        <button type="button" class="sh-button sh-button--secondary sh-case-keep__button sh-js-copy" hidden>
          {t("cases.keep.copy")}
        </button>
        <p
          class="sh-case-keep__status sh-js-copy-status"
          aria-live="polite"
          data-copied={t("cases.keep.copied")}
        />
        <p class="sh-body-text">
          <a class="sh-link" href={props.receiptHref}>
            {t("cases.keep.print")}
          </a>
        </p>
      </div>
      <p class="sh-body-text">{t(props.anonymous ? "cases.keep.anonymous" : "cases.keep.secret")}</p>
      {props.pin && (
        <p class="sh-body-text">
          {t("cases.keep.howCode")}{" "}
          <a class="sh-link" href={`/${locale}/requests/follow`}>
            {t("cases.followCode.title")}
          </a>
        </p>
      )}
    </section>
  );
}

/** The printable receipt of a request, for its link's holder: prints on its own, or saves as PDF. */
export function ReceiptPage(
  props: KeepProps & {
    row: CaseRow;
    structureName: LocalizedText;
    /** Locale-relative: the request's page this receipt belongs to. */
    backHref: string;
    /** The full address of the public follow page, printed for whoever has only the paper. */
    followCodeUrl: string;
  },
) {
  const { t, locale } = usePage();
  const href = useHref();
  const { row } = props;
  const structure = pickLocalized(props.structureName, locale);
  return (
    <Layout title={t("cases.receipt.title", { reference: row.reference })} width="narrow">
      <section class="sh-case-receipt" aria-labelledby="receipt-title">
        <h1 id="receipt-title" class="sh-heading-l">
          {t("cases.receipt.heading")}
        </h1>
        <p class="sh-case-receipt__reference">
          <Reference>{row.reference}</Reference>
        </p>
        <SummaryList>
          <SummaryRow label={t("cases.fields.received")}>{formatDate(row.createdAt, locale)}</SummaryRow>
          <SummaryRow
            label={t("cases.fields.structure")}
            lang={structure.lang === locale ? undefined : structure.lang}
          >
            {structure.text}
          </SummaryRow>
          <SummaryRow label={t("cases.fields.type")}>{t(`cases.types.${row.type}`)}</SummaryRow>
        </SummaryList>
        <h2 class="sh-heading-m">{t("cases.keep.title")}</h2>
        <KeepList {...props} />
        <p class="sh-body-text">{t(row.anonymous ? "cases.keep.anonymous" : "cases.keep.secret")}</p>
        {props.pin && (
          <p class="sh-body-text">
            {translateWith(t, "cases.receipt.howCode", {
              url: (
                <bdi dir="ltr" class="sh-case-keep__url">
                  {props.followCodeUrl}
                </bdi>
              ),
            })}
          </p>
        )}
      </section>
      <div class="sh-case-receipt__actions" data-module="sh-print">
        <button type="button" class="sh-button sh-js-print" hidden>
          {t("cases.receipt.printButton")}
        </button>
        <p class="sh-body-text sh-js-print-hint">{t("cases.receipt.printHint")}</p>
        <p class="sh-body-text">
          <a class="sh-link" href={href(props.backHref)}>
            {t("cases.receipt.back")}
          </a>
        </p>
      </div>
    </Layout>
  );
}

/** The public follow page: a request's number and its follow code open it. */
export function FollowCodePage({
  values = {},
  error,
  throttled,
}: {
  values?: { reference?: string };
  error?: boolean;
  /** Seconds to wait after too many wrong codes. */
  throttled?: number;
}) {
  const { t, locale } = usePage();
  const errors = error
    ? { reference: { key: "cases.followCode.wrong" } }
    : throttled !== undefined
      ? {
          reference: {
            key: "cases.followCode.throttled",
            values: { minutes: Math.max(1, Math.ceil(throttled / 60)) },
          },
        }
      : undefined;
  const { message, Summary } = useFieldErrors<"reference" | "pin">(errors, {
    reference: "reference",
    pin: "pin",
  });
  return (
    <Layout title={t("cases.followCode.title")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("cases.followCode.title")}</h1>
      <p class="sh-lead">{t("cases.followCode.lead")}</p>
      <Form action="/requests/follow">
        <TextInput
          id="reference"
          name="reference"
          label={t("cases.followCode.reference")}
          hint={t("cases.followCode.referenceHint")}
          value={values.reference}
          autocomplete="off"
          spellcheck={false}
          dir="ltr"
          width={20}
          error={message("reference")}
        />
        <TextInput
          id="pin"
          name="pin"
          label={t("cases.followCode.pin")}
          hint={t("cases.followCode.pinHint")}
          inputMode="numeric"
          autocomplete="off"
          spellcheck={false}
          dir="ltr"
          width={10}
          error={message("pin")}
        />
        <Button>{t("cases.followCode.open")}</Button>
      </Form>
      <h2 class="sh-heading-m">{t("cases.followCode.otherWaysTitle")}</h2>
      <p class="sh-body-text">
        {t("cases.followCode.signedIn")}{" "}
        <a class="sh-link" href={`/${locale}/requests`}>
          {t("cases.mine.title")}
        </a>
      </p>
      <p class="sh-body-text">{t("cases.followCode.lost")}</p>
    </Layout>
  );
}
