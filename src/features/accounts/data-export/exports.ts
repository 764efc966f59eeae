import { and, desc, eq } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { translator } from "../../../core/i18n/catalog.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { isLocale, type Locale } from "../../../core/i18n/localized.js";
import type { JobDefinition, JobEnv } from "../../../core/jobs/job.js";
import { enqueueMail } from "../../../core/mail/outbox.js";
import type { Db } from "../../../db/client.js";
import { dataExports } from "../tables.js";
import { buildAccountZip, collectAccountData } from "./build-zip.js";

/** How long a prepared copy can be downloaded (the retention rule "data-exports" then deletes it). */
export const EXPORT_VALID_DAYS = 7;

/**
 * Asks for a copy of one's data. One at a time: while one is being prepared, asking again changes
 * nothing ("pending"), which also bounds the work anyone can cause.
 */
export async function requestDataExport(
  db: Db,
  accountId: string,
  locale: Locale,
): Promise<"requested" | "pending"> {
  const created = await db
    .insert(dataExports)
    .values({ accountId, locale })
    .onConflictDoNothing()
    .returning({ id: dataExports.id });
  return created.length > 0 ? "requested" : "pending";
}

/** A person's exports, newest first, without the ZIP itself. */
export async function listDataExports(db: Db, accountId: string) {
  return db
    .select({
      id: dataExports.id,
      status: dataExports.status,
      createdAt: dataExports.createdAt,
      readyAt: dataExports.readyAt,
      expiresAt: dataExports.expiresAt,
      size: dataExports.size,
    })
    .from(dataExports)
    .where(eq(dataExports.accountId, accountId))
    .orderBy(desc(dataExports.createdAt))
    .limit(10);
}

/** The ZIP of one of the person's own exports, while it may still be downloaded; otherwise null. */
export async function findDownload(db: Db, accountId: string, exportId: string, now: Date) {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, exportId), eq(dataExports.accountId, accountId)));
  if (!row) return { found: false as const };
  if (row.status !== "ready" || !row.zip || !row.expiresAt || row.expiresAt <= now)
    return { found: true as const, zip: null };
  return { found: true as const, zip: row.zip, readyAt: row.readyAt! };
}

/**
 * Prepares the exports asked for: each is claimed (SKIP LOCKED, so nodes share the work), its ZIP
 * built from every feature's `exportAccount`, stored, and the person mailed a link that expires.
 * An export that cannot be built is marked failed (the person may ask again), never retried forever.
 */
export async function prepareDataExports(db: Db, now: Date, env: JobEnv, batch = 5): Promise<number> {
  let done = 0;
  for (let i = 0; i < batch; i++) {
    let claimed: string | undefined;
    try {
      const prepared = await db.transaction(async (tx) => {
        const [next] = await tx
          .select({ id: dataExports.id, accountId: dataExports.accountId, locale: dataExports.locale })
          .from(dataExports)
          .where(eq(dataExports.status, "pending"))
          .orderBy(dataExports.createdAt)
          .limit(1)
          .for("update", { skipLocked: true });
        if (!next) return false;
        claimed = next.id;
        const parts = await collectAccountData(tx, next.accountId, env.features);
        const zip = await buildAccountZip(parts, env.files, now);
        const expiresAt = new Date(now.getTime() + EXPORT_VALID_DAYS * 86_400_000);
        await tx
          .update(dataExports)
          .set({ status: "ready", readyAt: now, expiresAt, zip, size: zip.length })
          .where(eq(dataExports.id, next.id));
        const [person] = await tx
          .select({ email: accounts.email })
          .from(accounts)
          .where(eq(accounts.id, next.accountId));
        if (person?.email) {
          const locale = isLocale(next.locale) ? next.locale : "ar";
          const t = translator(locale);
          const values = {
            url: `${env.publicUrl}/${locale}/account/data/${next.id}/download`,
            page: `${env.publicUrl}/${locale}/account/data`,
            until: formatDateTime(expiresAt, locale),
          };
          await enqueueMail(tx, {
            to: person.email,
            subject: t("accounts.data.mail.subject"),
            text: t("accounts.data.mail.body", values),
          });
        }
        return true;
      });
      if (!prepared) break;
      done += 1;
    } catch (error) {
      if (!claimed) throw error;
      await db.update(dataExports).set({ status: "failed" }).where(eq(dataExports.id, claimed));
    }
  }
  return done;
}

export const dataExportsJob: JobDefinition = {
  name: "accounts-data-exports",
  cron: "* * * * *",
  run: (db, now, env) => prepareDataExports(db, now, env),
};
