import { breadcrumbsExamples } from "../../core/views/components/breadcrumbs/breadcrumbs.examples.js";
import { buttonExamples } from "../../core/views/components/button/button.examples.js";
import { cardExamples } from "../../core/views/components/card/card.examples.js";
import { checkboxesExamples } from "../../core/views/components/checkboxes/checkboxes.examples.js";
import { detailsExamples } from "../../core/views/components/details/details.examples.js";
import { emptyStateExamples } from "../../core/views/components/empty-state/empty-state.examples.js";
import { errorSummaryExamples } from "../../core/views/components/error-summary/error-summary.examples.js";
import type { Example } from "../../core/views/components/example.js";
import { fieldExamples } from "../../core/views/components/field/field.examples.js";
import { fileUploadExamples } from "../../core/views/components/file-upload/file-upload.examples.js";
import { notificationBannerExamples } from "../../core/views/components/notification-banner/notification-banner.examples.js";
import { paginationExamples } from "../../core/views/components/pagination/pagination.examples.js";
import { radiosExamples } from "../../core/views/components/radios/radios.examples.js";
import { selectExamples } from "../../core/views/components/select/select.examples.js";
import { statusTagExamples } from "../../core/views/components/status-tag/status-tag.examples.js";
import { stepTimelineExamples } from "../../core/views/components/step-timeline/step-timeline.examples.js";
import { summaryListExamples } from "../../core/views/components/summary-list/summary-list.examples.js";
import { tableExamples } from "../../core/views/components/table/table.examples.js";
import { textInputExamples } from "../../core/views/components/text-input/text-input.examples.js";
import { textareaExamples } from "../../core/views/components/textarea/textarea.examples.js";
import { userTextExamples } from "../../core/views/components/user-text/user-text.examples.js";

export interface GalleryComponent {
  /** The component's folder name, also its gallery URL and its i18n key under gallery.components. */
  slug: string;
  examples: Example[];
}

/** Every component of the design system, in the order the gallery lists them. */
export const GALLERY: GalleryComponent[] = [
  { slug: "button", examples: buttonExamples },
  { slug: "text-input", examples: textInputExamples },
  { slug: "textarea", examples: textareaExamples },
  { slug: "radios", examples: radiosExamples },
  { slug: "checkboxes", examples: checkboxesExamples },
  { slug: "select", examples: selectExamples },
  { slug: "file-upload", examples: fileUploadExamples },
  { slug: "field", examples: fieldExamples },
  { slug: "error-summary", examples: errorSummaryExamples },
  { slug: "notification-banner", examples: notificationBannerExamples },
  { slug: "table", examples: tableExamples },
  { slug: "pagination", examples: paginationExamples },
  { slug: "status-tag", examples: statusTagExamples },
  { slug: "summary-list", examples: summaryListExamples },
  { slug: "breadcrumbs", examples: breadcrumbsExamples },
  { slug: "details", examples: detailsExamples },
  { slug: "card", examples: cardExamples },
  { slug: "empty-state", examples: emptyStateExamples },
  { slug: "step-timeline", examples: stepTimelineExamples },
  { slug: "user-text", examples: userTextExamples },
];

export function findComponent(slug: string): GalleryComponent | undefined {
  return GALLERY.find((c) => c.slug === slug);
}
