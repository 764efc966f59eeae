import Type, { type Static } from "typebox";
import { formSchema } from "../../core/forms.js";
import { REVIEW_FIELDS, type ReviewField } from "./commands/review.js";
import { BUDGET_FIELDS, DESCRIPTION_MAX, DISTRICT_FIELDS, MAX_DISTRICTS } from "./commands/save-budget.js";

/** Ids in URLs are checked by the handlers, so a malformed one answers 404, never 400. */
export const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
export type IdParams = Static<typeof IdParams>;
export const ProposalParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  proposalId: Type.String({ maxLength: 100 }),
});
export type ProposalParams = Static<typeof ProposalParams>;

/** A proposal's photo: its position (1 to 3). Checked by the handler (404). */
export const PhotoParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  proposalId: Type.String({ maxLength: 100 }),
  n: Type.String({ maxLength: 3 }),
});
export type PhotoParams = Static<typeof PhotoParams>;
export const SupportBody = formSchema({ support: 1 });
export const ReviewBody = formSchema(
  Object.fromEntries(REVIEW_FIELDS.map((f) => [f, f.startsWith("reason") ? 8000 : 200])) as Record<
    ReviewField,
    number
  >,
);
export type ReviewBody = Static<typeof ReviewBody>;

/** The ballot form: the checked projects (one value or many), the action, and a paper code or a receipt. */
export const BallotBody = Type.Object({
  proposal: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }),
    ]),
  ),
  action: Type.Optional(Type.String({ maxLength: 10 })),
  code: Type.Optional(Type.String({ maxLength: 100 })),
  receipt: Type.Optional(Type.String({ maxLength: 100 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
export type BallotBody = Static<typeof BallotBody>;
export const ReceiptBody = formSchema({ receipt: 100 });
export const CodeBody = formSchema({ issue: 1 });
export const PublishBody = formSchema({ publish: 1 });

/**
 * The budget form: its fields, the district rows (d0Code… up to MAX_DISTRICTS), how many rows were
 * shown, the "add a district" action, and the voting methods (one checkbox value or both).
 */
const budgetFormFields: Record<string, number> = { rows: 3, action: 20 };
for (const f of BUDGET_FIELDS)
  if (f !== "voteMethods") budgetFormFields[f] = f.startsWith("description") ? DESCRIPTION_MAX + 1000 : 1000;
for (let i = 0; i < MAX_DISTRICTS; i++) for (const f of DISTRICT_FIELDS) budgetFormFields[`d${i}${f}`] = 1000;
const budgetForm = formSchema(budgetFormFields);
export const BudgetBody = Type.Object({
  ...budgetForm.properties,
  voteMethods: Type.Optional(
    Type.Union([Type.String({ maxLength: 20 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 2 })]),
  ),
});
