import type { FieldErrors } from "../../../core/forms.js";
import type { CommentField } from "../commands/comments.js";
import type { CommentSort, CommentThread } from "../comment-queries.js";
import { type CommentAbilities, CommentForm, CommentList, RefusalNote } from "./comments.js";

/**
 * The comments of a consultation page (on the whole text) or of a section page: a page of them,
 * then the form to add one, or why the visitor may not.
 */
export function CommentsSection(props: {
  consultationId: string;
  /** The section commented on; none: the whole text. */
  sectionId?: string;
  heading: string;
  formHeading: string;
  /** The page the comments are on, for their links to come back to. */
  back: string;
  /** The page's comments, and the comment form's state after a refused one. */
  page: {
    comments: { threads: CommentThread[]; total: number; page: number; totalPages: number };
    sort: CommentSort;
    abilities: CommentAbilities;
    values?: Record<string, string>;
    errors?: FieldErrors<CommentField>;
  };
}) {
  const { comments, sort, abilities, values, errors } = props.page;
  return (
    <section aria-labelledby="comments">
      <h2 id="comments" class="sh-heading-l">
        {props.heading}
      </h2>
      <CommentList
        consultationId={props.consultationId}
        {...comments}
        sort={sort}
        abilities={abilities}
        back={props.back}
        headingId="comments"
      />
      {abilities.refusal === null ? (
        <>
          <h3 id="new-comment" class="sh-heading-m">
            {props.formHeading}
          </h3>
          <CommentForm
            consultationId={props.consultationId}
            sectionId={props.sectionId}
            values={values}
            errors={errors}
          />
        </>
      ) : (
        <RefusalNote refusal={abilities.refusal} />
      )}
    </section>
  );
}
