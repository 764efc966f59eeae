import type { FeatureManifest } from "../core/manifest.js";
import { accountabilityManifest } from "./accountability/manifest.js";
import { accountsManifest } from "./accounts/manifest.js";
import { adminManifest } from "./admin/manifest.js";
import { auditLogManifest } from "./audit-log/manifest.js";
import { budgetsManifest } from "./budgets/manifest.js";
import { calendarManifest } from "./calendar/manifest.js";
import { casesManifest } from "./cases/manifest.js";
import { consultationsManifest } from "./consultations/manifest.js";
import { eidManifest } from "./eid/manifest.js";
import { eventsManifest } from "./events/manifest.js";
import { feedsManifest } from "./feeds/manifest.js";
import { forumManifest } from "./forum/manifest.js";
import { galleryManifest } from "./gallery/manifest.js";
import { helpManifest } from "./help/manifest.js";
import { homeManifest } from "./home/manifest.js";
import { ideasManifest } from "./ideas/manifest.js";
import { insightsManifest } from "./insights/manifest.js";
import { integrityManifest } from "./integrity/manifest.js";
import { legalManifest } from "./legal/manifest.js";
import { moderationManifest } from "./moderation/manifest.js";
import { newsManifest } from "./news/manifest.js";
import { newslettersManifest } from "./newsletters/manifest.js";
import { notificationsManifest } from "./notifications/manifest.js";
import { openDataManifest } from "./open-data/manifest.js";
import { open311Manifest } from "./open311/manifest.js";
import { opinionMapManifest } from "./opinion-map/manifest.js";
import { outboxManifest } from "./outbox/manifest.js";
import { searchManifest } from "./search/manifest.js";
import { seoManifest } from "./seo/manifest.js";
import { settingsManifest } from "./settings/manifest.js";
import { staffManifest } from "./staff/manifest.js";
import { structuresManifest } from "./structures/manifest.js";
import { subscriptionsManifest } from "./subscriptions/manifest.js";
import { widgetsManifest } from "./widgets/manifest.js";

/**
 * Every feature, in dependency order: the one list the app is built from. Seeds run, accounts are
 * forgotten and routes are mounted in this order; the schema, the jobs, the open-data catalogue,
 * what people can follow, the admin navigation and moderation are read from it. A new feature adds
 * its manifest here (after the features it builds on) and nowhere else.
 */
export const FEATURES: readonly FeatureManifest[] = [
  homeManifest,
  accountsManifest,
  eidManifest,
  adminManifest,
  auditLogManifest,
  settingsManifest,
  structuresManifest,
  calendarManifest,
  staffManifest,
  casesManifest,
  integrityManifest,
  subscriptionsManifest,
  eventsManifest,
  helpManifest,
  legalManifest,
  newslettersManifest,
  ideasManifest,
  forumManifest,
  moderationManifest,
  consultationsManifest,
  opinionMapManifest,
  accountabilityManifest,
  newsManifest,
  budgetsManifest,
  notificationsManifest,
  open311Manifest,
  widgetsManifest,
  openDataManifest,
  insightsManifest,
  seoManifest,
  searchManifest,
  feedsManifest,
  galleryManifest,
  outboxManifest,
];
