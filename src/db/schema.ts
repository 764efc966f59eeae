import * as audit from "../core/audit/tables.js";
import * as auth from "../core/auth/tables.js";
import * as authz from "../core/authz/tables.js";
import * as counters from "../core/counters/tables.js";
import * as files from "../core/files/tables.js";
import * as mail from "../core/mail/tables.js";
import type { FeatureManifest } from "../core/manifest.js";
import * as notifications from "../core/notifications/tables.js";
import * as personalData from "../core/personal-data/tables.js";
import * as settings from "../core/settings/tables.js";
import * as sms from "../core/sms/tables.js";
import * as structures from "../core/structures/tables.js";

/** Core's tables; each feature's come from its manifest (`tables`). */
export const CORE_TABLES = {
  ...audit,
  ...auth,
  ...authz,
  ...counters,
  ...files,
  ...mail,
  ...notifications,
  ...personalData,
  ...settings,
  ...sms,
  ...structures,
};

/**
 * The runtime drizzle schema: core's tables and every feature's, from the feature list. drizzle-kit
 * reads the same tables from every tables.ts (drizzle.config.ts), so a feature's tables module is
 * declared in its manifest and nowhere else.
 */
export function schemaOf(features: readonly FeatureManifest[]): Record<string, unknown> {
  return Object.assign({}, CORE_TABLES, ...features.map((f) => f.tables ?? {}));
}
