import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * A contribution's month as the insights rollups key it ("YYYY-MM", Tunis time), for a
 * ContributionSource's first column: `contributionMonth(ideas.createdAt)`, or a column of the
 * source's own aliases as trusted SQL text, `contributionMonth("i.created_at")` (never input).
 */
export const contributionMonth = (column: SQLWrapper | string): SQL =>
  typeof column === "string"
    ? sql.raw(`to_char(${column} at time zone 'Africa/Tunis', 'YYYY-MM')`)
    : sql`to_char(${column} at time zone 'Africa/Tunis', 'YYYY-MM')`;
