import type { Db } from "../../../db/client.js";

/** Placeholder replaced below. */
export async function seedDemoConsultations(_db: Db): Promise<string[]> {
  return [];
}
