import type { SQL } from "drizzle-orm";
import type { VNode } from "preact";
import type { Db } from "../../db/client.js";
import type { Actor } from "../authz/actor.js";
import type { Locale, LocalizedText } from "../i18n/localized.js";

/*
 * What a feature may offer the rest of the platform, as plain interfaces. They live in core so a
 * feature implements them without importing the feature that consumes them (open data, the
 * subscriptions, the admin area, moderation): each reads every manifest's offers from the list.
 */

/** A cell of a published row: text, a number, a boolean, or empty. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A column's JSON type ("?" at the end: it may be empty). */
export type ColumnType = "string" | "string?" | "integer" | "integer?" | "number?" | "boolean";

/** One page of a dataset, in its own order; `next` continues after it (null: the last page). */
export interface Page {
  rows: Row[];
  next: string | null;
}

/** How often a dataset changes, as the EU frequency vocabulary names it (DCAT-AP). */
export type Frequency = "CONT" | "DAILY" | "MONTHLY";

/** What a dataset is about, as the EU data-theme vocabulary names it (DCAT-AP). */
export type DataTheme = "GOVE" | "SOCI" | "ECON";

/**
 * Where rows come from: the database, the installation's secret (for pseudonyms), and the day of
 * the release being read, from the server's clock when the request came (see releaseOf).
 */
export interface Source {
  db: Db;
  secret: string;
  release: string;
}

/**
 * A published dataset. Its rows are read page by page in a stable order (keyset, never offset),
 * so a download streams with flat memory whatever the size, and the API hands out the same pages.
 * Rows carry no personal data: a dataset publishes only what its columns name. Its title and
 * description are the i18n keys `open-data.datasets.<id>.title` and `….description`, and its
 * keywords `….keywords` (separated by commas).
 */
export interface Dataset {
  /** URL name: /open-data/<id>.csv, /api/v1/<apiPath>. */
  id: string;
  /** The columns of every row, in order (the CSV header and the JSON keys), with their types. */
  columns: Record<string, ColumnType>;
  frequency: Frequency;
  theme: DataTheme;
  /** One page after `cursor` (null: the first), of at most `limit` units (rows unless said). */
  page(source: Source, cursor: string | null, limit: number): Promise<Page>;
  count(db: Db): Promise<number>;
  /** When the data last changed, or null when it is empty. */
  modified(db: Db): Promise<Date | null>;
}

/** A dataset in the open-data catalogue; `apiPath` is its collection under /api/v1. */
export interface PublishedDataset {
  dataset: Dataset;
  apiPath: string;
  /** Place in the catalogue, lower first (the built-in datasets use 10 to 90). */
  order: number;
}

/**
 * Something people can follow. Each kind names its targets and says what they are called; the
 * feature that publishes notices about its records declares its kind, and its follow button and
 * its notices use the same kind (publishNotice).
 */
export interface FollowableKind {
  kind: string;
  /** The target's name, or null when it does not exist (or may not be followed). */
  name(db: Db, target: string): Promise<LocalizedText | null>;
  /** The locale-relative path of the target's page, for the subscriptions list to link to. */
  path?(target: string): string;
}

/**
 * A section of the admin area: a link in its navigation, and with a `summaryKey` a card on the admin
 * home, for whoever `allowed` lets in. The section's own routes still check their rights: this only
 * decides who sees the link.
 */
export interface AdminNavSection {
  /** Stable name, also the admin layout's `section` when the page belongs to it. */
  id: string;
  /** The i18n key of the link's text ("admin.nav.events"). */
  labelKey: string;
  /** The locale-relative path ("/admin/events"). */
  path: string;
  /**
   * Place in the navigation and among the home's cards, lower first (the admin home is 0, the staff
   * workspaces 4 and 6, the built-in sections 10 to 150).
   */
  order: number;
  allowed(actor: Actor): boolean;
  /** The i18n key of its card's one-line description on the admin home; without it, no card. */
  summaryKey?: string;
  /**
   * false: a card on the admin home but no link in the admin navigation, for a workspace outside the
   * admin area that has its own (the requests queue, the integrity reports).
   */
  nav?: false;
}

/** Where a piece of public text stands (the moderation feature stores it as an enum). */
export type ModerationState = "visible" | "held" | "hidden";

/** What the moderation module needs to know about one moderated item. */
export interface ModeratedItem {
  id: string;
  authorId: string | null;
  state: ModerationState;
  /** A short title (an idea's or a thread's), or null for comments and replies. */
  title: string | null;
  /** The text, as its author wrote it (shown escaped to moderators). */
  body: string;
  /** Locale-relative address where the item is seen ("/forum/threads/…#post-…"). */
  path: string;
  createdAt: Date;
}

/**
 * A type of public text that moderation looks after, declared by its content feature's manifest
 * (`moderation`). See src/features/moderation/kinds.ts for how to plug a new kind in.
 */
export interface ModeratedKind {
  /** Stable name stored in the moderation tables: lower-case letters and underscores. */
  kind: string;
  /** The i18n key naming this kind to moderators ("forum.moderation.post"), owned by the content feature. */
  labelKey: string;
  /** Loads items by id; ids that do not exist are simply missing from the map. */
  load(db: Db, ids: string[]): Promise<Map<string, ModeratedItem>>;
  /** Sets the item's moderation state and reason (hide, restore, hold, release). */
  setState(db: Db, id: string, state: ModerationState, reason: string | null): Promise<void>;
}

/** The structure a widget is about. */
export interface WidgetStructure {
  id: string;
  code: string;
}

/**
 * A kind of embeddable widget a structure may frame on its own website (/:lang/widgets/<code>/<kind>).
 * The widgets feature draws the frame (title, structure, link back); the kind fills its body.
 */
export interface WidgetKind {
  /** URL name: lower-case letters. */
  kind: string;
  /** The i18n key of its title ("widgets.kind.answered"). */
  titleKey: string;
  /** Place in the widget builder, lower first (the built-in kinds use 10 to 30). */
  order: number;
  /**
   * Loads its data (bounded, public only) and returns the body to render, a Preact element (its
   * components may read the page with usePage()). Its links and forms open Sharek in a new tab.
   */
  body(db: Db, structure: WidgetStructure): Promise<VNode>;
}

/** One kind of contribution the insights dashboards count, with the label they show for it. */
export interface ContributionMechanism {
  /** Stable name stored in the rollups: lower-case letters and underscores ("idea_support"). */
  name: string;
  /** The i18n key of its label ("ideas.contributions.idea_support"), owned by the declaring feature. */
  labelKey: string;
}

/**
 * Where some of the participation the insights feature counts comes from: the feature that stores
 * the contributions declares the query that lists them. `sql` selects one row per contribution, with
 * exactly these five columns in this order (names do not matter, positions do):
 * - month: "YYYY-MM" in Tunis time (contributionMonth in src/core/features/contributions.ts);
 * - mechanism: text, one of `mechanisms`' names;
 * - governorate: text, the place the contribution is about when it has one (a request's, an idea's,
 *   a consultation's), else the contributor's consented residence (`account_profiles.residence`, a
 *   governorate code or "abroad"), else "unstated";
 * - structure_id: uuid or null::uuid, the structure it is addressed to;
 * - account_id: uuid or null::uuid, the contributor (null when the channel keeps no person).
 * Official answers are not participation: leave them out.
 */
export interface ContributionSource {
  /** The mechanisms its rows carry, in the dashboards' order. */
  mechanisms: ContributionMechanism[];
  /** Place in the dashboards, lower first (the built-in sources use 10 to 70). */
  order: number;
  sql: SQL;
}

/** A public page search engines should find: its path after the language ("/ideas/…"), and when it last changed. */
export interface SitemapEntry {
  path: string;
  modified?: Date | null;
}

/**
 * A kind of public page a feature lists in the sitemap, /sitemaps/<kind>.xml, in every language.
 * Only what anyone may read without signing in: published, visible, not retired.
 */
export interface SitemapSource {
  /** URL name: lower-case letters and hyphens ("ideas"). */
  kind: string;
  /** At most `limit` entries (a sitemap file holds 50,000 URLs), the most recently changed first. */
  entries(db: Db, limit: number): Promise<SitemapEntry[]>;
}

/** One entry of an Atom feed: a public page, its title and summary, and when it appeared and last changed. */
export interface FeedEntry {
  /** Stable within its kind (the record's id). */
  id: string;
  /** Officials' text in several languages, or a person's own words as they wrote them. */
  title: LocalizedText | string;
  summary?: LocalizedText | string;
  /** The page's path after the language ("/ideas/…"). */
  path: string;
  updated: Date;
  published?: Date | null;
}

/**
 * A kind of Atom feed a feature offers, /:lang/feeds/<kind>.atom, and per structure with
 * ?structure=<code>. Only what anyone may read without signing in: published, visible, not cancelled.
 */
export interface FeedSource {
  /** URL name: lower-case letters and hyphens ("ideas"). */
  kind: string;
  /** The i18n key of its title ("consultations.feeds.open"), owned by the declaring feature. */
  titleKey: string;
  /** The public page the feed follows, after the language ("/consultations"). */
  path: string;
  /** At most `limit` entries, the newest first; only the structure's when one is given. */
  entries(
    db: Db,
    options: { locale: Locale; structure?: { id: string; code: string }; limit: number },
  ): Promise<FeedEntry[]>;
}

/**
 * A kind of public document the portal's search finds (/:lang/search), declared by the feature that
 * owns it (`search` in its manifest). `documents` selects every document anyone may read without
 * signing in (published, visible, not removed or retired: never a draft, a held or hidden item, or
 * anything private), one row each, with exactly these nine columns in this order (names do not
 * matter, positions do):
 * - id: text, stable within the kind;
 * - path: text, the page after the language ("/ideas/…");
 * - title, body: jsonb, officials' `{ar, fr, en}` text, or a JSON string for a person's own words
 *   (`to_jsonb(column)`); the body gives the excerpt (Markdown is shown as plain text);
 * - structure_id: uuid or null::uuid, the structure it belongs to;
 * - governorate_code: text or null::text, the place it is about;
 * - vector: tsvector, the table's stored search_vector column (searchVectorColumn of
 *   src/core/search.ts) under a GIN index;
 * - trigram: text, a search_fold(…) expression (searchFold) of the title under a gin_trgm_ops index,
 *   for the misspellings the full text misses;
 * - updated_at: timestamptz.
 * The search adds its conditions around this select; PostgreSQL moves them inside, onto the indexes.
 */
export interface SearchSource {
  /** URL name of the kind (?kind=…): lower-case letters and hyphens ("ideas"). */
  kind: string;
  /** The i18n key naming the kind in the results' filters ("ideas.search.kind"), owned by the feature. */
  labelKey: string;
  /** Place among the kinds, lower first (the built-in kinds use 10 to 70). */
  order: number;
  documents: SQL;
}

/**
 * Where on another feature's page a panel shows: a consultation's "what we did" (its published
 * outcome), an idea's page, a structure's page. The page's feature reads the panels for its place
 * from the manifests (panelsOf) and shows them; the panel's feature owns their content.
 */
export type PanelPlace = "consultation.outcome" | "idea" | "forum.thread" | "structure";

/**
 * A panel a feature adds to another feature's page (the results that came from a consultation,
 * on its "what we did"). Only what anyone may read: the page may be cached publicly.
 */
export interface RecordPanel {
  place: PanelPlace;
  /** Place among the panels of the same place, lower first. */
  order: number;
  /** The panel for the record (its id), or null when it has nothing to show. */
  render(db: Db, recordId: string): Promise<VNode | null>;
}

/** Pages where other features may offer staff an action on the record. */
export type ActionPlace = "idea" | "forum.thread";

/**
 * An action a feature offers staff on another feature's page ("make a result of this idea"): a
 * link or a form, or null when this actor may not take it. Rendered for signed-in actors only, so
 * it never lands in a page kept for anonymous visitors.
 */
export interface RecordAction {
  place: ActionPlace;
  /** Place among the actions of the same place, lower first. */
  order: number;
  render(db: Db, actor: Actor, recordId: string): Promise<VNode | null>;
}
