import { parseArgs } from "node:util";
import { translator } from "../src/core/i18n/catalog.js";
import { isLocale, type Locale } from "../src/core/i18n/localized.js";
import type { Database } from "../src/db/client.js";
import { createAdmin } from "../src/features/staff/commands/create-admin.js";

const USAGE = 'Usage: npm run cli -- create-admin --email EMAIL --name "FULL NAME" [--lang ar|fr|en]';

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `create-admin`: makes an account a platform admin (creating it if needed) and prints a one-time
 * link where its owner sets a password and enrols TOTP. No password goes through the command line.
 * Returns the exit code.
 */
export async function createAdminCommand(
  args: string[],
  database: Database,
  publicUrl: string,
  out: Output = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let values: { email?: string; name?: string; lang?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: "string" }, name: { type: "string" }, lang: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    out.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const locale: Locale = isLocale(values.lang) ? values.lang : "ar";
  const result = await createAdmin(database.db, {
    email: values.email,
    name: values.name,
    locale,
    publicUrl,
  });
  if (!result.ok) {
    const t = translator("en");
    for (const [field, error] of Object.entries(result.errors))
      if (error) out.stderr.write(`--${field}: ${t(error.key, error.values)}\n`);
    out.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const { link, created, hasPassword } = result.value;
  out.stdout.write(
    [
      created ? "Created a platform admin account." : "This account is now a platform admin.",
      hasPassword
        ? "It already has a password: its owner opens this link, signs in, then sets up two-step verification:"
        : "Send this one-time link to its owner, who will choose a password and set up two-step verification:",
      `  ${link}`,
      "The link works once and expires in 14 days. Run this command again for a new one.",
      "",
    ].join("\n"),
  );
  return 0;
}
