import { eq } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import { responseTemplates } from "../tables.js";
import type { ResponseTemplate } from "../templates.js";
import type { StaffContext } from "./context.js";

/** Deletes a response template (replies already sent keep their text). */
export async function deleteTemplate(ctx: StaffContext, template: ResponseTemplate): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(responseTemplates).where(eq(responseTemplates.id, template.id));
    await audit(
      tx,
      {
        action: "case_template.delete",
        subjectType: "response_template",
        subjectId: template.id,
        structureId: template.structureId,
      },
      ctx.request,
      ctx.actor.accountId,
    );
  });
}
