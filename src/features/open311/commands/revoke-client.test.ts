import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { findClientByKey } from "../queries.js";
import { issueKey } from "../testing.js";
import { revokeClient } from "./revoke-client.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const db = database.db;

describe("revokeClient", () => {
  it("stops the key at once, and revoking twice is audited once", async () => {
    const { client, key } = await issueKey(db);
    expect(await revokeClient(db, client, { actorId: null })).toBe(true);
    expect(await findClientByKey(db, key)).toBeNull();
    expect(await revokeClient(db, client, { actorId: null })).toBe(false);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, client.id));
    expect(events.map((e) => e.action).sort()).toEqual(["open311.key_create", "open311.key_revoke"]);
  });

  it("leaves other clients' keys working", async () => {
    const one = await issueKey(db, "One");
    const two = await issueKey(db, "Two");
    await revokeClient(db, one.client, { actorId: null });
    expect((await findClientByKey(db, two.key))?.id).toBe(two.client.id);
  });
});
