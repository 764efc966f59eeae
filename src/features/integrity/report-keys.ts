import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { decodeKey, encodeKey, type KeyPair, newKeyPair, seal, unseal } from "./crypto.js";
import { addressees, centralUnitId, officersWithKeys } from "./officers.js";
import { integrityKeyRecipients, integrityReportKeys, integrityReports } from "./tables.js";

/** Opens the report keys one reader holds: key id → keypair (absent when they hold none). */
export type KeyRing = Map<string, KeyPair>;

/** The whistleblower's keys to a report: every content key generation, sealed to their receipt key. */
export async function whistleblowerKeyRing(db: Db, reportId: string, keys: KeyPair): Promise<KeyRing> {
  const rows = await db.select().from(integrityReportKeys).where(eq(integrityReportKeys.reportId, reportId));
  const ring: KeyRing = new Map();
  for (const row of rows) {
    const privateKey = row.whistleblowerSealed ? unseal(row.whistleblowerSealed, keys) : null;
    if (privateKey) ring.set(row.id, { publicKey: decodeKey(row.publicKey), privateKey });
  }
  return ring;
}

/** An officer's keys to a report: those sealed to their public key, opened with their private key. */
export async function officerKeyRing(
  db: Db,
  reportId: string,
  accountId: string,
  keys: KeyPair,
): Promise<KeyRing> {
  const rows = await db
    .select({ key: integrityReportKeys, sealedKey: integrityKeyRecipients.sealedKey })
    .from(integrityKeyRecipients)
    .innerJoin(integrityReportKeys, eq(integrityReportKeys.id, integrityKeyRecipients.keyId))
    .where(and(eq(integrityReportKeys.reportId, reportId), eq(integrityKeyRecipients.accountId, accountId)));
  const ring: KeyRing = new Map();
  for (const row of rows) {
    const privateKey = unseal(row.sealedKey, keys);
    if (privateKey) ring.set(row.key.id, { publicKey: decodeKey(row.key.publicKey), privateKey });
  }
  return ring;
}

/** The newest content key of a report: everything written from now on is sealed to it. */
export async function currentContentKey(db: Db, reportId: string) {
  const [row] = await db
    .select()
    .from(integrityReportKeys)
    .where(and(eq(integrityReportKeys.reportId, reportId), eq(integrityReportKeys.purpose, "content")))
    .orderBy(desc(integrityReportKeys.generation))
    .limit(1);
  if (!row) throw new Error("report without a content key");
  return { id: row.id, publicKey: decodeKey(row.publicKey), generation: row.generation };
}

/**
 * Re-seals: every report key this reader holds is sealed to each officer the report is addressed
 * to who lacks it (an officer who enrolled, or joined the structure, after the report came in).
 * Returns how many keys were sealed.
 */
export async function shareReportKeys(
  db: Db,
  report: { id: string; structureId: string | null },
  ring: KeyRing,
) {
  if (ring.size === 0) return 0;
  const officers = await officersWithKeys(db, addressees(report.structureId, await centralUnitId(db)));
  if (officers.length === 0) return 0;
  const held = await db
    .select({ keyId: integrityKeyRecipients.keyId, accountId: integrityKeyRecipients.accountId })
    .from(integrityKeyRecipients)
    .where(inArray(integrityKeyRecipients.keyId, [...ring.keys()]));
  const has = new Set(held.map((h) => `${h.keyId}/${h.accountId}`));
  const rows = [];
  for (const [keyId, pair] of ring) {
    for (const officer of officers) {
      if (!has.has(`${keyId}/${officer.accountId}`))
        rows.push({
          keyId,
          accountId: officer.accountId,
          sealedKey: seal(pair.privateKey, officer.publicKey),
        });
    }
  }
  if (rows.length > 0) await db.insert(integrityKeyRecipients).values(rows).onConflictDoNothing();
  return rows.length;
}

/**
 * Re-seals every key the officer holds to reports addressed to a structure (all reports, for the
 * central unit) to that structure's approved officers who lack them: a newly approved colleague
 * gets them at once. Returns how many keys were sealed.
 */
export async function shareStructureReportKeys(
  db: Db,
  structureId: string,
  accountId: string,
  keys: KeyPair,
) {
  const central = await centralUnitId(db);
  const where: SQL | undefined =
    structureId === central ? undefined : eq(integrityReports.structureId, structureId);
  const reports = await db
    .select({ id: integrityReports.id, structureId: integrityReports.structureId })
    .from(integrityReports)
    .where(where);
  let shared = 0;
  for (const report of reports)
    shared += await shareReportKeys(db, report, await officerKeyRing(db, report.id, accountId, keys));
  return shared;
}

/**
 * An officer leaves (a role revoked, an account deleted). Their sealed copies of every report key
 * they no longer may hold are deleted, so their key material opens nothing any more; and every
 * open report among them gets a new content key, sealed to the remaining officers and to the
 * whistleblower, so whatever is written from now on is out of reach of anything the departed
 * officer may have kept. `leaving`: they lose everything, whatever roles remain (account deletion).
 */
export async function retireOfficer(db: Db, accountId: string, options: { leaving?: boolean } = {}) {
  const held = await db
    .selectDistinct({
      reportId: integrityReports.id,
      structureId: integrityReports.structureId,
      status: integrityReports.status,
      whistleblowerPublicKey: integrityReports.whistleblowerPublicKey,
    })
    .from(integrityKeyRecipients)
    .innerJoin(integrityReportKeys, eq(integrityReportKeys.id, integrityKeyRecipients.keyId))
    .innerJoin(integrityReports, eq(integrityReports.id, integrityReportKeys.reportId))
    .where(eq(integrityKeyRecipients.accountId, accountId));
  if (held.length === 0) return 0;
  const central = await centralUnitId(db);
  let rotated = 0;
  for (const report of held) {
    const officers = await officersWithKeys(db, addressees(report.structureId, central));
    if (!options.leaving && officers.some((o) => o.accountId === accountId)) continue;
    const keyIds = (
      await db
        .select({ id: integrityReportKeys.id })
        .from(integrityReportKeys)
        .where(eq(integrityReportKeys.reportId, report.reportId))
    ).map((k) => k.id);
    await db
      .delete(integrityKeyRecipients)
      .where(
        and(eq(integrityKeyRecipients.accountId, accountId), inArray(integrityKeyRecipients.keyId, keyIds)),
      );
    if (report.status === "closed") continue;
    const current = await currentContentKey(db, report.reportId);
    const next = newKeyPair();
    const [key] = await db
      .insert(integrityReportKeys)
      .values({
        reportId: report.reportId,
        purpose: "content",
        generation: current.generation + 1,
        publicKey: encodeKey(next.publicKey),
        whistleblowerSealed: seal(next.privateKey, decodeKey(report.whistleblowerPublicKey)),
      })
      .returning({ id: integrityReportKeys.id });
    const remaining = officers.filter((o) => o.accountId !== accountId);
    if (remaining.length > 0)
      await db.insert(integrityKeyRecipients).values(
        remaining.map((o) => ({
          keyId: key!.id,
          accountId: o.accountId,
          sealedKey: seal(next.privateKey, o.publicKey),
        })),
      );
    rotated += 1;
  }
  return rotated;
}

/** Seals a new report's keys to its officers (used at submission). */
export function recipientRows(
  keyId: string,
  privateKey: Uint8Array,
  officers: Array<{ accountId: string; publicKey: Uint8Array }>,
) {
  return officers.map((o) => ({ keyId, accountId: o.accountId, sealedKey: seal(privateKey, o.publicKey) }));
}
