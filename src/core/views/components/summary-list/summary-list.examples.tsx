import type { Example, ExampleContext } from "../example.js";
import { StatusTag } from "../status-tag/status-tag.js";
import { UserText } from "../user-text/user-text.js";
import { SummaryList, SummaryRow } from "./summary-list.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);

export const summaryListExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => (
      <SummaryList id={ctx.id("request")}>
        <SummaryRow label={s(ctx, "subject.label")}>
          <UserText>{s(ctx, "subject.value")}</UserText>
        </SummaryRow>
        <SummaryRow label={s(ctx, "fullName.label")}>
          <UserText>{s(ctx, "fullName.value")}</UserText>
        </SummaryRow>
        <SummaryRow label={s(ctx, "summaryList.status")}>
          <StatusTag tone="info">{s(ctx, "status.inProgress")}</StatusTag>
        </SummaryRow>
      </SummaryList>
    ),
  },
];
