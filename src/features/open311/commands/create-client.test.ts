import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { findClientByKey } from "../queries.js";
import { open311Clients } from "../tables.js";
import { createClient, KEY_PREFIX } from "./create-client.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const db = database.db;

describe("createClient", () => {
  it("issues a random key, keeps only its hash and a hint, and audits it without personal data", async () => {
    const admin = await createAccount(database, { platformAdmin: true });
    const result = await createClient(
      db,
      { name: "  Appli Tunis  ", contactEmail: "dev@tunis.tn" },
      { actorId: admin.id },
    );
    if (!result.ok) throw new Error("expected a key");
    const { client, key } = result.value;
    expect(key).toMatch(new RegExp(`^${KEY_PREFIX}[A-Za-z0-9_-]{43}$`));
    expect(client).toMatchObject({
      name: "Appli Tunis",
      keyHash: sha256(key),
      keyHint: key.slice(0, 14),
      revokedAt: null,
    });
    expect((await findClientByKey(db, key))?.id).toBe(client.id);
    const [row] = await db.select().from(open311Clients).where(eq(open311Clients.id, client.id));
    expect(Object.values(row!)).not.toContain(key);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, client.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "open311.key_create", actorId: admin.id, details: {} });
  });

  it("gives every client its own key", async () => {
    const a = await createClient(db, { name: "App A", contactEmail: "a@a.tn" }, { actorId: null });
    const b = await createClient(db, { name: "App A", contactEmail: "a@a.tn" }, { actorId: null });
    expect(a.ok && b.ok && a.value.key !== b.value.key).toBe(true);
  });

  it.each([
    [{ name: "A", contactEmail: "a@a.tn" }, ["name"]],
    [{ name: "x".repeat(121), contactEmail: "a@a.tn" }, ["name"]],
    [{ name: "App", contactEmail: "not an email" }, ["contactEmail"]],
    [{}, ["name", "contactEmail"]],
  ])("refuses %o and stores nothing", async (input, fields) => {
    const before = (await db.select().from(open311Clients)).length;
    const result = await createClient(db, input, { actorId: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual([...fields].sort());
    expect((await db.select().from(open311Clients)).length).toBe(before);
  });
});
