import { eq } from "drizzle-orm";
import type { FileStore } from "../../../../core/files/store.js";
import { fieldError, type Result } from "../../../../core/forms.js";
import type { Translate } from "../../../../core/i18n/catalog.js";
import type { Locale } from "../../../../core/i18n/localized.js";
import type { Upload } from "../../attachments.js";
import type { IntakeField, IntakeInput } from "../../commands/check-intake.js";
import { type SubmittedCase, submitCase } from "../../commands/submit-case.js";
import { type CaseChannel, cases } from "../../tables.js";
import { auditCase, type StaffContext } from "./context.js";

/** The channels through which an agent files a request on someone's behalf. */
export const STAFF_CHANNELS = ["counter", "phone", "post"] as const satisfies readonly CaseChannel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

export type FileRequestField = IntakeField | "channel";

export interface FileRequestContext extends StaffContext {
  files: FileStore;
  t: Translate;
  locale: Locale;
}

/**
 * Files a request received at the counter, by phone or by post, for the person who brought it: the
 * citizen intake's own validation and single path (submitCase), with the channel recorded and the
 * agent named in the timeline. The person is reached by what they gave (a name, and any of e-mail,
 * phone, postal address); with an e-mail they get the acknowledgement by mail. The follow-up link is
 * derived from the form's key and the agent, so the same form sent twice by the same agent answers
 * with the same request and receipt. The caller has checked the agent handles `structureCode`.
 */
export async function fileRequest(
  ctx: FileRequestContext,
  input: IntakeInput & { channel?: string },
  uploads: Upload[],
): Promise<Result<SubmittedCase, FileRequestField>> {
  const channel = STAFF_CHANNELS.find((c) => c === input.channel);
  if (!channel)
    return { ok: false, errors: { channel: fieldError("cases.workspace.errors.channelRequired") } };
  const agentId = ctx.actor.accountId!;
  const result = await submitCase(
    {
      db: ctx.db,
      files: ctx.files,
      account: null,
      t: ctx.t,
      locale: ctx.locale,
      publicUrl: ctx.mail.publicUrl,
      secret: ctx.mail.secret,
      client: `staff:${agentId}`,
      channel,
      filedBy: agentId,
    },
    input,
    uploads,
  );
  if (result.ok) {
    const [row] = await ctx.db
      .select({ id: cases.id, structureId: cases.structureId })
      .from(cases)
      .where(eq(cases.id, result.value.id));
    if (row) await auditCase(ctx.db, ctx, "file", row, { channel });
  }
  return result;
}
