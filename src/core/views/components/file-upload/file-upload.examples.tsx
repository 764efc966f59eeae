import { type Example, type ExampleContext, sampleField } from "../example.js";
import { FileUpload } from "./file-upload.js";

const s = (ctx: ExampleContext, key: string) => ctx.t(`gallery.sample.${key}`);
const ACCEPT = ".pdf,.jpg,.jpeg,.png";

export const fileUploadExamples: Example[] = [
  {
    name: "default",
    title: "gallery.examples.default",
    render: (ctx) => <FileUpload {...sampleField(ctx, "attachment")} />,
  },
  {
    name: "with-hint",
    title: "gallery.examples.withHint",
    render: (ctx) => (
      <FileUpload {...sampleField(ctx, "attachment")} hint={s(ctx, "attachment.hint")} accept={ACCEPT} />
    ),
  },
  {
    name: "with-error",
    title: "gallery.examples.withError",
    render: (ctx) => (
      <FileUpload
        {...sampleField(ctx, "attachment")}
        hint={s(ctx, "attachment.hint")}
        error={s(ctx, "attachment.error")}
        accept={ACCEPT}
      />
    ),
  },
  {
    name: "multiple",
    title: "gallery.examples.multiple",
    render: (ctx) => (
      <FileUpload
        id={ctx.id("attachments")}
        name="attachments"
        label={s(ctx, "attachment.multipleLabel")}
        hint={s(ctx, "attachment.multipleHint")}
        accept={ACCEPT}
        multiple
      />
    ),
  },
  {
    name: "disabled",
    title: "gallery.examples.disabled",
    render: (ctx) => <FileUpload {...sampleField(ctx, "attachment")} disabled />,
  },
];
