import { moderatedTable } from "../moderation/kinds.js";
import { budgetProposals } from "./tables.js";

/** Proposals of participatory budgets, as moderation sees them (their title, description and place). */
export const budgetModeration = [
  moderatedTable({
    kind: "budget_proposal",
    labelKey: "budgets.moderation.kind",
    table: budgetProposals,
    present: (r) => ({
      authorId: r.authorId,
      title: Object.values(r.title).find(Boolean) ?? r.code,
      body: [...Object.values(r.description).filter(Boolean), r.place].filter(Boolean).join("\n\n"),
      path: `/budgets/${r.budgetId}/proposals/${r.id}`,
      createdAt: r.createdAt,
    }),
  }),
];
