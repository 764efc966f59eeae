import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../db/client.js";
import type { StaffRole } from "./authz/actor.js";
import type {
  AdminNavSection,
  ContributionSource,
  FeedSource,
  FollowableKind,
  ModeratedKind,
  PublishedDataset,
  RecordAction,
  RecordPanel,
  SearchSource,
  SitemapSource,
  WidgetKind,
} from "./features/contracts.js";
import type { FileStore } from "./files/store.js";
import type { JobDefinition } from "./jobs/job.js";
import type { NotificationKind } from "./notifications/notify.js";
import type { AccountExportPart, RetentionRule } from "./personal-data/contracts.js";

/** One Fastify plugin of a feature and where buildApp mounts it. */
export interface FeatureRoutes {
  // biome-ignore lint/suspicious/noExplicitAny: a plugin's own options type is its business
  plugin: FastifyPluginAsync<any>;
  /** "pages": under /:lang (ar, fr, en); "root": at the root (APIs, callbacks, files). */
  mount: "root" | "pages";
  /** Mounted only outside production (the component gallery, the mail outbox). */
  developmentOnly?: boolean;
  /**
   * Mounted before every other feature's plugins of its scope: a fastify-plugin whose hooks must
   * see their routes (the insights funnel counters).
   */
  hooksFirst?: boolean;
}

/**
 * What a feature declares about itself to the rest of the platform (after Decidim's manifests).
 * src/features/index.ts lists every manifest; the app, the database schema and the central lists
 * (open data, follows, widgets, the admin navigation, moderation, the contributions insights counts)
 * are read from that list, so a feature offers something by declaring it here, never by editing
 * another feature.
 */
export interface FeatureManifest {
  name: string;
  /** Its Fastify plugins, mounted in the list's order (see FeatureRoutes). */
  routes?: FeatureRoutes[];
  /** Its drizzle tables module (`import * as tables from "./tables.js"`), for the runtime schema. */
  tables?: Record<string, unknown>;
  /** Datasets it publishes in the open-data catalogue, API and downloads. */
  datasets?: PublishedDataset[];
  /** Its public pages search engines should find (the sitemap). */
  sitemap?: SitemapSource[];
  /** Kinds of its public documents the portal's search finds (/:lang/search). */
  search?: SearchSource[];
  /** Atom feeds of its newest public records (/:lang/feeds/<kind>.atom), linked from its pages. */
  feeds?: FeedSource[];
  /** Kinds of its records people may follow (subscriptions). */
  followable?: FollowableKind[];
  /** Its sections in the admin area's navigation. */
  adminSections?: AdminNavSection[];
  /** Kinds of embeddable widgets it offers structures (the widgets feature frames them). */
  widgets?: WidgetKind[];
  /**
   * Kinds of notification it writes into people's notification centre (core/notifications notify):
   * how each is named and which of its messages says one, in the reader's language.
   */
  notificationKinds?: NotificationKind[];
  /** Kinds of its public text that moderation looks after. */
  moderation?: ModeratedKind[];
  /** Panels it adds to other features' pages (a consultation's "what we did", an idea, a structure). */
  panels?: RecordPanel[];
  /** Actions it offers staff on other features' pages (make a result of an idea, of a thread). */
  recordActions?: RecordAction[];
  /** Where the participation it stores comes from, for the insights dashboards to count. */
  contributions?: ContributionSource[];
  /** Inserts the reference data every installation needs. Runs at each start, so it must be idempotent. */
  seedReference?(db: Db): Promise<void>;
  /**
   * Inserts realistic demo content in ar, fr and en. Runs once, on the first start of an empty
   * non-production database, with the installation's file store (for demo documents) and the feature
   * list being seeded (what the others offer). Returns lines to print (such as demo sign-in accounts).
   */
  seedDemo?(db: Db, files: FileStore, features: readonly FeatureManifest[]): Promise<string[]>;
  /**
   * Called inside the transaction that deletes an account: the feature anonymises the person's
   * public contributions (kept, shown as "deleted account") or removes them, as they chose.
   */
  forgetAccount?(db: Db, accountId: string, mode: "anonymise" | "remove"): Promise<void>;
  /**
   * What it holds about one account, for the person's own data export ("Download my data"): only
   * what that person could already see (never staff-only notes, never other people's details).
   */
  exportAccount?(db: Db, accountId: string): Promise<AccountExportPart[]>;
  /**
   * How long it keeps each kind of personal data, and on what basis: shown on the personal-data
   * notice and applied by the daily retention purge.
   */
  retention?: RetentionRule[];
  /**
   * Called inside the transaction that revokes a staff role, after the revocation: the feature
   * withdraws what the role gave (the integrity channel re-seals report keys without the person).
   */
  membershipRevoked?(
    db: Db,
    membership: { accountId: string; structureId: string; role: StaffRole },
  ): Promise<void>;
  /** Periodic jobs (pg-boss queues with a cron schedule), started after the app listens. */
  jobs?: JobDefinition[];
}

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Counts this form in the submission funnel (insights): a GET route with `funnel: "idea"` counts
     * "idea.opened", a POST route "idea.submitted". Aggregated daily counts only.
     */
    funnel?: string;
  }
}
