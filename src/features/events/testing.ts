import type { Db } from "../../db/client.js";
import { events } from "./tables.js";

/**
 * Inserts a training of `structureId` three days ahead (on a whole minute, as the form stores it),
 * for tests of this feature and of the pages that list events.
 */
export async function insertEvent(
  db: Db,
  structureId: string,
  overrides: Partial<typeof events.$inferInsert> = {},
) {
  const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 3 * 86_400_000);
  const [row] = await db
    .insert(events)
    .values({
      structureId,
      kind: "training",
      mode: "in_person",
      governorateCode: "TN-11",
      title: { ar: "دورة تكوينية", fr: "Formation, session 1; Tunis", en: "Training" },
      description: { fr: "Une formation." },
      venue: { fr: "Salle des fêtes" },
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      capacity: 2,
      ...overrides,
    })
    .returning();
  return row!;
}
