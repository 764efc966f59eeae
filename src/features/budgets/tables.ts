import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import { id, localizedText, optionalRef, ownedBy, requiredRef, timestamps, tstz } from "../../db/columns.js";
import { moderationColumns } from "../moderation/tables.js";

/**
 * Amounts are integer millimes (1 TND = 1000 millimes), read as JavaScript numbers: exact sums in
 * the tally, and exact up to 9 × 10¹² dinars. Accountability's numeric(16,3) dinars convert without loss.
 */
const millimes = (name: string) => bigint(name, { mode: "number" });

/** How ballots are limited: the projects' total cost within the amount (knapsack), or at most N projects. */
export const budgetRule = pgEnum("budget_rule", ["knapsack", "pick_n"]);

/**
 * A participatory budget, run by a structure (usually a municipality). Its phase is read from its
 * dates (phase.ts): proposals from `proposalsFrom`, technical review from `reviewFrom`, voting from
 * `votingFrom` until `resultsFrom`, then results, then implementation from `implementationFrom`.
 */
export const budgets = pgTable(
  "budgets",
  {
    id: id(),
    /** Stable, human code ("mun-ariana-2027"). */
    code: text("code").notNull(),
    structureId: requiredRef("structure_id", () => structures.id),
    title: localizedText("title"),
    description: localizedText("description"),
    amountMillimes: millimes("amount_millimes").notNull(),
    rule: budgetRule("rule").notNull().default("knapsack"),
    /** For pick_n: how many projects a ballot may hold in each district. */
    pickN: integer("pick_n"),
    /** For knapsack: the least share (percent) of a district's amount a ballot must spend there. */
    minSharePercent: integer("min_share_percent").notNull().default(0),
    proposalsFrom: tstz("proposals_from").notNull(),
    reviewFrom: tstz("review_from").notNull(),
    votingFrom: tstz("voting_from").notNull(),
    resultsFrom: tstz("results_from").notNull(),
    implementationFrom: tstz("implementation_from").notNull(),
    /** Who may vote: residents whose identity the e-ID vouched for, bearers of a paper code from a counter (one at least). */
    voteByEid: boolean("vote_by_eid").notNull().default(true),
    voteByPaperCode: boolean("vote_by_paper_code").notNull().default(true),
    /** Salt of the eligibility rows' voter keys (so a key means nothing in another budget). */
    voterKeySalt: text("voter_key_salt").notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("budgets_code_unique").on(t.code),
    index("budgets_structure_idx").on(t.structureId),
    check(
      "budgets_phases_ordered",
      sql`${t.proposalsFrom} <= ${t.reviewFrom} and ${t.reviewFrom} <= ${t.votingFrom} and ${t.votingFrom} < ${t.resultsFrom} and ${t.resultsFrom} <= ${t.implementationFrom}`,
    ),
    check("budgets_amount_positive", sql`${t.amountMillimes} > 0`),
    check("budgets_min_share", sql`${t.minSharePercent} between 0 and 100`),
    check("budgets_vote_method", sql`${t.voteByEid} or ${t.voteByPaperCode}`),
    check("budgets_pick_n", sql`${t.rule} <> 'pick_n' or ${t.pickN} > 0`),
  ],
);

/**
 * A district of a budget with its own share of the amount. Proposals without a district compete in
 * the city-wide pool: the amount less the districts' shares.
 */
export const budgetDistricts = pgTable(
  "budget_districts",
  {
    id: id(),
    budgetId: ownedBy("budget_id", () => budgets.id),
    code: text("code").notNull(),
    name: localizedText("name"),
    shareMillimes: millimes("share_millimes").notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("budget_districts_code_unique").on(t.budgetId, t.code),
    check("budget_districts_share_positive", sql`${t.shareMillimes} > 0`),
  ],
);

/** submitted: waiting for the technical review; accepted: on the ballot; rejected (with a public reason); merged into another. */
export const proposalStatus = pgEnum("budget_proposal_status", [
  "submitted",
  "accepted",
  "rejected",
  "merged",
]);

/** A project proposed by a resident (or by staff), reviewed by the structure, then voted on. */
export const budgetProposals = pgTable(
  "budget_proposals",
  {
    id: id(),
    budgetId: ownedBy("budget_id", () => budgets.id),
    /** Its number in the budget ("P-007"): the last tie-break of the tally. */
    code: text("code").notNull(),
    districtId: optionalRef("district_id", () => budgetDistricts.id),
    title: localizedText("title"),
    description: localizedText("description"),
    /** Where it would be built, in the author's words ("Jardin de la rue de Marseille"). */
    place: text("place").notNull().default(""),
    costMillimes: millimes("cost_millimes").notNull(),
    authorId: optionalRef("author_id", () => accounts.id, "set null"),
    status: proposalStatus("status").notNull().default("submitted"),
    /** The review's public reason (required for a rejection or a merge). */
    reason: jsonb("reason").$type<LocalizedText>(),
    mergedIntoId: optionalRef("merged_into_id", (): AnyPgColumn => budgetProposals.id),
    reviewedAt: tstz("reviewed_at"),
    reviewedBy: optionalRef("reviewed_by", () => accounts.id, "set null"),
    supportCount: integer("support_count").notNull().default(0),
    /** Held for review (its author and moderators see it) or hidden by moderation (out of lists, review and ballot). */
    ...moderationColumns(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("budget_proposals_code_unique").on(t.budgetId, t.code),
    index("budget_proposals_list_idx").on(t.budgetId, t.status, t.districtId),
    check("budget_proposals_cost_positive", sql`${t.costMillimes} > 0`),
    check("budget_proposals_merged", sql`(${t.status} = 'merged') = (${t.mergedIntoId} is not null)`),
  ],
);

/** One support per account and proposal, during the proposals phase. */
export const budgetProposalSupports = pgTable(
  "budget_proposal_supports",
  {
    proposalId: ownedBy("proposal_id", () => budgetProposals.id),
    accountId: ownedBy("account_id", () => accounts.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.accountId] })],
);

/**
 * Up to three photos of a proposal (PROPOSAL_PHOTOS), checked and re-encoded without metadata as
 * every upload is (core/files/inspect.ts), stored content-addressed in the file store, each with
 * the short description its author gave (its alt text) and its size (the page reserves its room).
 * `thumbKey`: a small copy for the budget's list of proposals.
 */
export const budgetProposalPhotos = pgTable(
  "budget_proposal_photos",
  {
    proposalId: ownedBy("proposal_id", () => budgetProposals.id),
    /** 1, 2 or 3: the order the author gave them. */
    position: integer("position").notNull(),
    fileKey: text("file_key").notNull(),
    mime: text("mime").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    thumbKey: text("thumb_key").notNull(),
    alt: text("alt").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.position] }),
    check("budget_proposal_photos_position", sql`${t.position} between 1 and 3`),
  ],
);

export const eligibilityMethod = pgEnum("budget_eligibility_method", ["eid", "paper_code"]);

/**
 * Who may vote, and whether they did: one row per voter and budget. The voter key is a salted hash
 * (of the account for an e-ID voter, of the one-time code for a voter checked at a counter). It has
 * no reference to any ballot, and no time of voting: nothing here says which ballot is theirs.
 */
export const budgetEligibility = pgTable(
  "budget_eligibility",
  {
    id: id(),
    budgetId: ownedBy("budget_id", () => budgets.id),
    voterKeyHash: text("voter_key_hash").notNull(),
    method: eligibilityMethod("method").notNull(),
    /** Set, without a time, when this voter's ballot is cast. */
    hasVoted: boolean("has_voted").notNull().default(false),
    /** The staff member who issued a paper code (null for e-ID). */
    issuedBy: optionalRef("issued_by", () => accounts.id, "set null"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("budget_eligibility_voter_unique").on(t.budgetId, t.voterKeyHash)],
);

/**
 * A secret ballot, once mixed (see the ballot box below: a ballot is cast there, never here). Its id
 * is a random (v4) uuid, never a time-ordered one, and it has no timestamp, no account and no
 * eligibility reference: a database reader cannot tell whose it is. The voter
 * holds a receipt code whose hash is here; it finds the ballot in the published ballots, and lets
 * the voter change it until voting closes.
 */
export const budgetBallots = pgTable(
  "budget_ballots",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    budgetId: ownedBy("budget_id", () => budgets.id),
    receiptHash: text("receipt_hash").notNull(),
  },
  (t) => [
    uniqueIndex("budget_ballots_receipt_unique").on(t.receiptHash),
    index("budget_ballots_budget_idx").on(t.budgetId),
  ],
);

export const budgetBallotItems = pgTable(
  "budget_ballot_items",
  {
    ballotId: ownedBy("ballot_id", () => budgetBallots.id),
    proposalId: requiredRef("proposal_id", () => budgetProposals.id),
  },
  (t) => [
    primaryKey({ columns: [t.ballotId, t.proposalId] }),
    index("budget_ballot_items_proposal_idx").on(t.proposalId),
  ],
);

/**
 * The ballot box: where a cast ballot waits to be mixed with others. Casting marks the voter's
 * eligibility row and writes the ballot here in one transaction, so both rows carry the same
 * transaction id (xmin) and sit side by side in time order on disk. The mixing job (ballot-box.ts)
 * later moves held ballots, at least `MIX_MINIMUM` at a time (or all of them once voting closes),
 * into `budget_ballots` in a random order, under new random ids, in a transaction of its own, and
 * deletes them from here: a mixed ballot shares nothing with the transaction that marked its voter.
 * Same columns as a ballot: a random (v4) id, no time, no account, no eligibility reference.
 */
export const budgetBallotBox = pgTable(
  "budget_ballot_box",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    budgetId: ownedBy("budget_id", () => budgets.id),
    receiptHash: text("receipt_hash").notNull(),
  },
  (t) => [
    uniqueIndex("budget_ballot_box_receipt_unique").on(t.receiptHash),
    index("budget_ballot_box_budget_idx").on(t.budgetId),
  ],
);

export const budgetBallotBoxItems = pgTable(
  "budget_ballot_box_items",
  {
    boxId: ownedBy("box_id", () => budgetBallotBox.id),
    proposalId: requiredRef("proposal_id", () => budgetProposals.id),
  },
  (t) => [
    primaryKey({ columns: [t.boxId, t.proposalId] }),
    index("budget_ballot_box_items_proposal_idx").on(t.proposalId),
  ],
);

export type BudgetRow = typeof budgets.$inferSelect;
export type DistrictRow = typeof budgetDistricts.$inferSelect;
export type ProposalRow = typeof budgetProposals.$inferSelect;
export type ProposalPhotoRow = typeof budgetProposalPhotos.$inferSelect;
export type ProposalStatus = (typeof proposalStatus.enumValues)[number];
export type BudgetRule = (typeof budgetRule.enumValues)[number];
