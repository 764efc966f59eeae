import { eq } from "drizzle-orm";
import type { AccountExportPart } from "../../core/personal-data/contracts.js";
import type { Db } from "../../db/client.js";
import { legalAcceptances, legalPageVersions } from "./tables.js";

/** The terms and notices a person accepted, and when: their consents, for their data export. */
export async function exportLegalAccount(db: Db, accountId: string): Promise<AccountExportPart[]> {
  const rows = await db
    .select({
      page: legalPageVersions.page,
      versionOf: legalPageVersions.createdAt,
      acceptedAt: legalAcceptances.acceptedAt,
    })
    .from(legalAcceptances)
    .innerJoin(legalPageVersions, eq(legalPageVersions.id, legalAcceptances.versionId))
    .where(eq(legalAcceptances.accountId, accountId));
  return [{ name: "consents", rows }];
}
