import type { Db } from "../../db/client.js";
import type { CaseType } from "./rules.js";

/** The legal deadline of a case whose clock starts now at a structure (working days, holidays). */
export async function computeDueAt(
  _db: Db,
  _type: CaseType,
  _structureId: string,
  _from: Date,
): Promise<Date | null> {
  return null;
}
