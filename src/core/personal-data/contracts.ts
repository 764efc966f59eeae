import type { Db } from "../../db/client.js";
import type { FileStore } from "../files/store.js";

/**
 * One part of a person's data export ("Download my data"): a name (the file's, without extension:
 * "requests", "request-messages"), its rows (flat objects, written as JSON and as CSV), and stored
 * files to include under files/<path> in the ZIP. A feature returns only what the person could
 * already see: their own records, never staff-only notes or other people's details.
 */
export interface AccountExportPart {
  name: string;
  rows: Record<string, unknown>[];
  files?: Array<{ path: string; fileKey: string }>;
}

/** What one batch of a retention rule is given. */
export interface PurgeBatch {
  db: Db;
  /** Records older than this (by the rule's own measure) are purged. */
  cutoff: Date;
  /** At most this many rows per batch. */
  limit: number;
  /** The file store, to delete the files of purged records (absent: files are left to an operator). */
  files?: FileStore;
}

/**
 * A retention rule a feature declares: one kind of personal data, how long it is kept and on which
 * legal basis (shown on the personal-data notice), and how one batch of it is purged by the daily
 * job. The three keys are i18n keys of the feature's own messages.
 */
export interface RetentionRule {
  /** Stable id, letters, digits and hyphens ("outbox-mail"): the metrics label and the table's key. */
  id: string;
  /** What is kept ("Mails sent to you"). */
  labelKey: string;
  /** How long, in words ("90 days after sending"). */
  durationKey: string;
  /** On what basis ("Organic Law 2004-63, art. 45: no longer than needed"). */
  basisKey: string;
  /** The duration in days: the cutoff given to `purge` is now minus this. */
  days: number;
  /** Purges (deletes or blanks) at most `limit` rows older than `cutoff`; returns how many. */
  purge(batch: PurgeBatch): Promise<number>;
}
