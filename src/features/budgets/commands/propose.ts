import { count, eq } from "drizzle-orm";
import type { FileStore } from "../../../core/files/store.js";
import type { UploadedFile } from "../../../core/forms.js";
import {
  type FieldErrors,
  fieldError,
  hasErrors,
  lengthProblem,
  type Result,
  text,
} from "../../../core/forms.js";
import type { Locale } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { blockedError, recordHold, screenPosting } from "../../moderation/screen.js";
import { parseDinars } from "../money.js";
import { phaseOf } from "../phase.js";
import { checkProposalPhotos, PHOTO_FIELDS, type PhotoField, storeProposalPhotos } from "../photos.js";
import {
  type BudgetRow,
  budgetDistricts,
  budgetProposalPhotos,
  budgetProposals,
  budgets,
} from "../tables.js";
import { poolsOf } from "../tally.js";

export const PROPOSAL_FIELDS = ["title", "description", "place", "district", "cost"] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number] | PhotoField;
export type ProposalInput = Partial<Record<ProposalField, string>>;
/** Every field of the propose form, its photos' descriptions included. */
export const PROPOSE_FORM_FIELDS = [...PROPOSAL_FIELDS, ...PHOTO_FIELDS];

export const PROPOSAL_LIMITS = {
  title: { min: 8, max: 150 },
  description: { min: 30, max: 5000 },
  place: { min: 0, max: 200 },
};

/**
 * A resident proposes a project during the proposals phase, in the language of the page. Its cost
 * is their estimate, in dinars, at most the amount of the pool it competes in; staff may correct it
 * at review. Numbered in the budget (P-001, P-002…) under a lock on the budget.
 *
 * It may carry up to three photos (photos.ts), each with a short description; a photo refused
 * refuses the whole proposal and stores nothing. Its texts go through moderation's screening in
 * the transaction that stores it: held for review (seen by its author and moderators only until
 * released), or refused while the author is blocked.
 */
export async function proposeProject(
  db: Db,
  budget: BudgetRow,
  authorId: string,
  locale: Locale,
  input: ProposalInput,
  photos: { files: FileStore; uploads: UploadedFile[] } | null = null,
  now = new Date(),
): Promise<Result<{ id: string; code: string; held: boolean }, ProposalField>> {
  const errors: FieldErrors<ProposalField> = {};
  if (phaseOf(budget, now) !== "proposals")
    return { ok: false, errors: { title: fieldError("budgets.errors.notProposals") } };
  const title = text(input.title);
  const description = text(input.description);
  const place = text(input.place);
  const t = lengthProblem(title, PROPOSAL_LIMITS.title, "budgets.errors.title");
  if (t) errors.title = t;
  const d = lengthProblem(description, PROPOSAL_LIMITS.description, "budgets.errors.description");
  if (d) errors.description = d;
  const p = lengthProblem(place, PROPOSAL_LIMITS.place, "budgets.errors.place");
  if (p) errors.place = p;
  const districts = await db.select().from(budgetDistricts).where(eq(budgetDistricts.budgetId, budget.id));
  const pools = poolsOf(budget.amountMillimes, districts);
  const districtCode = text(input.district);
  const district = districts.find((x) => x.code === districtCode) ?? null;
  if (districtCode ? !district : !pools.some((x) => x.districtId === null))
    errors.district = fieldError("budgets.errors.district");
  const cost = parseDinars(text(input.cost));
  const pool = pools.find((x) => x.districtId === (district?.id ?? null));
  if (cost === null || cost <= 0) errors.cost = fieldError("budgets.errors.cost");
  else if (pool && cost > pool.amount) errors.cost = fieldError("budgets.errors.costOverPool");
  const checked = await checkProposalPhotos(photos?.uploads ?? [], input);
  Object.assign(errors, checked.errors);
  if (hasErrors(errors)) return { ok: false, errors };
  // Written before any row names them (content-addressed: a retry rewrites nothing).
  const stored = photos ? await storeProposalPhotos(photos.files, checked.photos) : [];
  return db.transaction(async (tx) => {
    const screening = await screenPosting(tx, {
      accountId: authorId,
      kind: "budget_proposal",
      text: `${title}\n${description}\n${place}`,
    });
    if (screening.blockedUntil) return { ok: false, errors: { title: blockedError(screening.blockedUntil) } };
    await tx.select({ id: budgets.id }).from(budgets).where(eq(budgets.id, budget.id)).for("update");
    const [n] = await tx
      .select({ n: count() })
      .from(budgetProposals)
      .where(eq(budgetProposals.budgetId, budget.id));
    const code = `P-${String((n?.n ?? 0) + 1).padStart(3, "0")}`;
    const [row] = await tx
      .insert(budgetProposals)
      .values({
        budgetId: budget.id,
        code,
        districtId: district?.id ?? null,
        title: { [locale]: title },
        description: { [locale]: description },
        place,
        costMillimes: cost!,
        authorId,
        moderationState: screening.hold ? "held" : "visible",
      })
      .returning({ id: budgetProposals.id });
    if (stored.length > 0)
      await tx.insert(budgetProposalPhotos).values(stored.map((p) => ({ ...p, proposalId: row!.id })));
    if (screening.hold)
      await recordHold(tx, { kind: "budget_proposal", itemId: row!.id, authorId }, screening.hold);
    return { ok: true, value: { id: row!.id, code, held: screening.hold !== null } };
  });
}
