import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { REPORT_STATUSES, type ReportRow, type ReportStatus, today } from "../reports.js";
import { integrityReports } from "../tables.js";

/** Moves a report to another of its statuses; false when that is no status or already its own. */
export async function setReportStatus(db: Db, report: ReportRow, status: string): Promise<boolean> {
  if (!(REPORT_STATUSES as readonly string[]).includes(status) || status === report.status) return false;
  await db
    .update(integrityReports)
    .set({ status: status as ReportStatus, updatedOn: today() })
    .where(eq(integrityReports.id, report.id));
  return true;
}
