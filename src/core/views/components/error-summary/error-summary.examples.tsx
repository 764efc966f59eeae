import type { Example, ExampleContext } from "../example.js";
import { Radios } from "../radios/radios.js";
import { TextInput } from "../text-input/text-input.js";
import { ErrorSummary } from "./error-summary.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const errorSummaryExamples: Example[] = [
  {
    name: "several-errors",
    title: "gallery.examples.severalErrors",
    render: (ctx) => {
      const name = ctx.id("full-name");
      const kind = ctx.id("kind");
      return (
        <>
          <ErrorSummary
            id={ctx.id("summary")}
            headingLevel={3}
            errors={[
              { fieldId: name, message: s(ctx, "fullName.error") },
              { fieldId: kind, message: s(ctx, "requestType.error") },
            ]}
          >
            <p>{s(ctx, "summary.intro")}</p>
          </ErrorSummary>
          <TextInput
            id={name}
            name="fullName"
            label={s(ctx, "fullName.label")}
            error={s(ctx, "fullName.error")}
          />
          <Radios
            id={kind}
            name="kind"
            label={s(ctx, "requestType.label")}
            error={s(ctx, "requestType.error")}
            items={["complaint", "suggestion"].map((value) => ({
              value,
              label: s(ctx, `requestType.${value}`),
            }))}
          />
        </>
      );
    },
  },
  {
    name: "single-error",
    title: "gallery.examples.singleError",
    render: (ctx) => {
      const cin = ctx.id("cin");
      return (
        <>
          <ErrorSummary
            id={ctx.id("summary")}
            headingLevel={3}
            errors={[{ fieldId: cin, message: s(ctx, "cin.error") }]}
          />
          <TextInput
            id={cin}
            name="cin"
            label={s(ctx, "cin.label")}
            hint={s(ctx, "cin.hint")}
            error={s(ctx, "cin.error")}
            value={s(ctx, "cin.value")}
            width={10}
            inputMode="numeric"
          />
        </>
      );
    },
  },
];
