import type { FeatureManifest } from "../core/manifest.js";
import { calendarManifest } from "./calendar/manifest.js";
import { casesManifest } from "./cases/manifest.js";
import { consultationsManifest } from "./consultations/manifest.js";
import { eventsManifest } from "./events/manifest.js";
import { forumManifest } from "./forum/manifest.js";
import { helpManifest } from "./help/manifest.js";
import { ideasManifest } from "./ideas/manifest.js";
import { insightsManifest } from "./insights/manifest.js";
import { integrityManifest } from "./integrity/manifest.js";
import { legalManifest } from "./legal/manifest.js";
import { newslettersManifest } from "./newsletters/manifest.js";
import { opinionMapManifest } from "./opinion-map/manifest.js";
import { staffManifest } from "./staff/manifest.js";
import { structuresManifest } from "./structures/manifest.js";
import { subscriptionsManifest } from "./subscriptions/manifest.js";

/** Every feature, in dependency order: seeds run in this order. */
export const MANIFESTS: FeatureManifest[] = [
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
  consultationsManifest,
  opinionMapManifest,
  insightsManifest,
];
