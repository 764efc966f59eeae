import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { platformSettings } from "../../../core/settings/tables.js";
import { getPlatformSettings, isSignUpOpen, SETTING_KEYS } from "../queries.js";
import { parseSettings, updateSettings } from "./update-settings.js";

const database = await openTestDatabase();
afterAll(() => database.close());

describe("parseSettings", () => {
  it.each([
    [{ contactEmail: "", signUpOpen: "yes", reopenWindowDays: "1" }, true],
    [{ contactEmail: "a@b.tn", signUpOpen: "no", reopenWindowDays: "90" }, true],
    [{ contactEmail: "", signUpOpen: "yes", reopenWindowDays: "0" }, false],
    [{ contactEmail: "", signUpOpen: "yes", reopenWindowDays: "91" }, false],
    [{ contactEmail: "", signUpOpen: "yes", reopenWindowDays: "7.5" }, false],
    [{ contactEmail: "", signUpOpen: "maybe", reopenWindowDays: "7" }, false],
    [{ contactEmail: "nope", signUpOpen: "yes", reopenWindowDays: "7" }, false],
  ])("%o → valid: %s", (input, ok) => {
    expect(parseSettings(input).ok).toBe(ok);
  });
});

describe("updateSettings", () => {
  it("stores only what changed, and audits once per change of something", async () => {
    expect(await isSignUpOpen(database.db)).toBe(true);
    const same = await updateSettings(
      database.db,
      { contactEmail: "", signUpOpen: "yes", reopenWindowDays: "15" },
      { actorId: null },
    );
    expect(same).toEqual({ ok: true, value: { changed: [] } });
    expect(await database.db.select().from(auditEvents)).toHaveLength(0);

    const changed = await updateSettings(
      database.db,
      { contactEmail: "", signUpOpen: "no", reopenWindowDays: "15" },
      { actorId: null },
    );
    expect(changed).toEqual({ ok: true, value: { changed: ["signUpOpen"] } });
    expect(await isSignUpOpen(database.db)).toBe(false);
    expect(await database.db.select().from(auditEvents)).toHaveLength(1);
  });

  it("reads a damaged stored value as the default", async () => {
    await database.db
      .insert(platformSettings)
      .values({ key: SETTING_KEYS.reopenWindowDays, value: "lots" })
      .onConflictDoUpdate({ target: platformSettings.key, set: { value: "lots" } });
    expect((await getPlatformSettings(database.db)).reopenWindowDays).toBe(15);
  });
});
