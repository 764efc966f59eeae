import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents } from "../src/core/audit/tables.js";
import { accountByEmail } from "../src/features/staff/testing.js";
import { openTestDatabase } from "../test/databases.js";
import { createAdminCommand } from "./create-admin.js";

const database = await openTestDatabase();
afterAll(() => database.close());

function capture() {
  const text = { stdout: "", stderr: "" };
  const stream = (key: keyof typeof text) =>
    new Writable({
      write(chunk, _encoding, done) {
        text[key] += String(chunk);
        done();
      },
    });
  return { text, out: { stdout: stream("stdout"), stderr: stream("stderr") } };
}

describe("npm run cli -- create-admin", () => {
  it("creates a platform admin without a password and prints a one-time invitation link", async () => {
    const { text, out } = capture();
    const code = await createAdminCommand(
      ["--email", "first.admin@sharek.tn", "--name", "Hatem Dridi / حاتم الدريدي", "--lang", "fr"],
      database,
      "https://sharek.example.tn",
      out,
    );
    expect(code).toBe(0);
    expect(text.stdout).toMatch(/https:\/\/sharek\.example\.tn\/fr\/invitations\/[A-Za-z0-9_-]{43}\n/);
    const account = await accountByEmail(database, "first.admin@sharek.tn");
    expect(account).toMatchObject({
      isPlatformAdmin: true,
      passwordHash: null,
      displayName: "Hatem Dridi / حاتم الدريدي",
    });
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, account!.id));
    expect(event).toMatchObject({ action: "platform_admin.grant", actorId: null });
  });

  it("promotes an existing account, and issues a new link when run again", async () => {
    const { text, out } = capture();
    await createAdminCommand(["--email", "first.admin@sharek.tn"], database, "http://localhost:3000", out);
    expect(text.stdout).toContain("This account is now a platform admin.");
    expect(text.stdout).toContain("http://localhost:3000/ar/invitations/");
    // Already an admin: no second grant in the log.
    const grants = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "platform_admin.grant"));
    expect(grants).toHaveLength(1);
  });

  it("refuses a bad email, a missing name for a new account, and unknown options", async () => {
    const bad = capture();
    expect(await createAdminCommand(["--email", "nope"], database, "http://x", bad.out)).toBe(1);
    expect(bad.text.stderr).toContain("--email: Enter an email address in the right format");
    expect(bad.text.stderr).toContain("--name: Enter a name");
    const unknown = capture();
    expect(await createAdminCommand(["--password", "secret"], database, "http://x", unknown.out)).toBe(1);
    expect(unknown.text.stderr).toContain("Usage:");
  });
});
