import { type SQL, sql } from "drizzle-orm";
import type { ContributionMechanism } from "../../core/features/contracts.js";
import { contributionsOf } from "../../core/features/registry.js";
import type { FeatureManifest } from "../../core/manifest.js";

/*
 * What insights counts is declared by the features that store it (`contributions` in their
 * manifests, ContributionSource in src/core/features/contracts.ts): a new kind of participation is
 * counted, labelled and placed by declaring its source there, without editing insights.
 */

/** The mechanisms the features declare, in the dashboards' order (their columns and rows). */
export const mechanismsOf = (features: readonly FeatureManifest[]): ContributionMechanism[] =>
  contributionsOf(features).flatMap((s) => s.mechanisms);

/**
 * Every declared contribution as one query of (month, mechanism, governorate, structure_id,
 * account_id): the sources' selects, each in parentheses so its own unions stay whole.
 */
export function contributionsQuery(features: readonly FeatureManifest[]): SQL {
  const sources = contributionsOf(features);
  if (sources.length === 0)
    return sql`select null::text, null::text, null::text, null::uuid, null::uuid where false`;
  return sql.join(
    sources.map((s) => sql`(${s.sql})`),
    sql` union all `,
  );
}
