import type { VNode } from "preact";
import type { Db } from "../../db/client.js";
import type { Actor } from "../authz/actor.js";
import type { FeatureManifest } from "../manifest.js";
import type { NotificationKind } from "../notifications/notify.js";
import type {
  ActionPlace,
  AdminNavSection,
  ContributionSource,
  FeedSource,
  FollowableKind,
  ModeratedKind,
  PanelPlace,
  PublishedDataset,
  RecordAction,
  RecordPanel,
  SearchSource,
  SitemapSource,
  WidgetKind,
} from "./contracts.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Every feature of this app, in dependency order (src/features/index.ts, or a test's list). */
    features: readonly FeatureManifest[];
  }
}

/** The datasets, in the catalogue's order. */
export const datasetsOf = (features: readonly FeatureManifest[]): PublishedDataset[] =>
  features.flatMap((f) => f.datasets ?? []).sort((a, b) => a.order - b.order);

/* What every feature offers, gathered in the list's order. */

export const followableOf = (features: readonly FeatureManifest[]): FollowableKind[] =>
  features.flatMap((f) => f.followable ?? []);

export const moderationOf = (features: readonly FeatureManifest[]): ModeratedKind[] =>
  features.flatMap((f) => f.moderation ?? []);

/** The admin sections, in navigation order. */
export const adminSectionsOf = (features: readonly FeatureManifest[]): AdminNavSection[] =>
  features.flatMap((f) => f.adminSections ?? []).sort((a, b) => a.order - b.order);

/** The widget kinds, in the builder's order. */
export const widgetsOf = (features: readonly FeatureManifest[]): WidgetKind[] =>
  features.flatMap((f) => f.widgets ?? []).sort((a, b) => a.order - b.order);

export const widgetKind = (features: readonly FeatureManifest[], kind: string): WidgetKind | undefined =>
  features.flatMap((f) => f.widgets ?? []).find((w) => w.kind === kind);

/** The contribution sources insights counts, in the dashboards' order. */
export const contributionsOf = (features: readonly FeatureManifest[]): ContributionSource[] =>
  features.flatMap((f) => f.contributions ?? []).sort((a, b) => a.order - b.order);

/** The kinds of public pages in the sitemap, in the list's order. */
export const sitemapOf = (features: readonly FeatureManifest[]): SitemapSource[] =>
  features.flatMap((f) => f.sitemap ?? []);

/** The Atom feeds, in the list's order. */
export const feedsOf = (features: readonly FeatureManifest[]): FeedSource[] =>
  features.flatMap((f) => f.feeds ?? []);

/** The kinds of documents the portal's search finds, in their order. */
export const searchOf = (features: readonly FeatureManifest[]): SearchSource[] =>
  features.flatMap((f) => f.search ?? []).sort((a, b) => a.order - b.order);
/** The panels other features add to a page of this place, in their order. */
export const panelsOf = (features: readonly FeatureManifest[], place: PanelPlace): RecordPanel[] =>
  features
    .flatMap((f) => f.panels ?? [])
    .filter((p) => p.place === place)
    .sort((a, b) => a.order - b.order);

/** The panels of a place rendered for one record (those with nothing to show left out). */
export async function renderPanels(
  features: readonly FeatureManifest[],
  place: PanelPlace,
  db: Db,
  recordId: string,
): Promise<VNode[]> {
  const panels = await Promise.all(panelsOf(features, place).map((p) => p.render(db, recordId)));
  return panels.filter((p): p is VNode => p !== null);
}

/** The actions other features offer a signed-in actor on a record of this place (none for visitors). */
export async function renderRecordActions(
  features: readonly FeatureManifest[],
  place: ActionPlace,
  db: Db,
  actor: Actor,
  recordId: string,
): Promise<VNode[]> {
  if (!actor.accountId) return [];
  const actions: RecordAction[] = features
    .flatMap((f) => f.recordActions ?? [])
    .filter((a) => a.place === place)
    .sort((a, b) => a.order - b.order);
  const rendered = await Promise.all(actions.map((a) => a.render(db, actor, recordId)));
  return rendered.filter((v): v is VNode => v !== null);
}

/** The kinds of notification the features write, in the list's order. */
export const notificationKindsOf = (features: readonly FeatureManifest[]): NotificationKind[] =>
  features.flatMap((f) => f.notificationKinds ?? []);
