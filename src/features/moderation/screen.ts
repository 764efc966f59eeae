import { and, count, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import { fieldError } from "../../core/forms.js";
import { type Db, rowsOf } from "../../db/client.js";
import { getModerationRules } from "./rules.js";
import { accountBlocks, moderationActions, moderationItems, moderationPostings } from "./tables.js";

export type HoldCause = "link_new_account" | "word_list" | "burst";

/** What screening decided about a post about to be stored. */
export type Screening = { blockedUntil: Date } | { blockedUntil: null; hold: HoldCause | null };

/**
 * A link: a scheme, "www.", a Markdown link, or a domain label's last character then a common
 * top-level domain. Every alternative has a fixed length from where it starts, so a test is linear
 * in the text's length (the earlier `\b[a-z0-9-]+\.` rescanned the whole label from each of its
 * positions: quadratic on a long "a-a-a-…" text).
 */
const LINK = /https?:\/\/|www\.|\]\(|[a-z0-9-]\.(?:com|net|org|info|biz|xyz|ru|tn|fr)\b/i;

/** Whether the text carries a link (see LINK). */
export const containsLink = (text: string) => LINK.test(text);

/** The end of the account's current block, or null. */
export async function activeBlock(db: Db, accountId: string, now = new Date()): Promise<Date | null> {
  const [block] = await db
    .select({ until: accountBlocks.until })
    .from(accountBlocks)
    .where(
      and(
        eq(accountBlocks.accountId, accountId),
        gt(accountBlocks.until, now),
        isNull(accountBlocks.liftedAt),
      ),
    )
    .orderBy(desc(accountBlocks.until))
    .limit(1);
  return block?.until ?? null;
}

/**
 * Screens a post before it is stored, inside the transaction that stores it: a blocked account may
 * not post; otherwise the post is recorded for the burst limit and may be held for review when it
 * carries a link from a young account, matches the word list, or comes in a burst.
 */
/** What a posting form says while its author is blocked: until when. */
export const blockedError = (until: Date) => fieldError("moderation.errors.blocked", { date: until });

export async function screenPosting(
  db: Db,
  posting: { accountId: string; kind: string; text: string },
  now = new Date(),
): Promise<Screening> {
  const blockedUntil = await activeBlock(db, posting.accountId, now);
  if (blockedUntil) return { blockedUntil };
  const rules = await getModerationRules(db);

  const since = new Date(now.getTime() - rules.burstMinutes * 60_000);
  await db
    .delete(moderationPostings)
    .where(
      and(
        eq(moderationPostings.accountId, posting.accountId),
        lt(moderationPostings.createdAt, new Date(now.getTime() - 86_400_000)),
      ),
    );
  await db
    .insert(moderationPostings)
    .values({ accountId: posting.accountId, kind: posting.kind, createdAt: now });
  const [recent] = await db
    .select({ n: count() })
    .from(moderationPostings)
    .where(and(eq(moderationPostings.accountId, posting.accountId), gt(moderationPostings.createdAt, since)));
  if ((recent?.n ?? 0) > rules.burstMax) return { blockedUntil: null, hold: "burst" };

  if (containsLink(posting.text)) {
    const [account] = await db
      .select({ createdAt: accounts.createdAt })
      .from(accounts)
      .where(eq(accounts.id, posting.accountId));
    const young = !account || now.getTime() - account.createdAt.getTime() < rules.newAccountDays * 86_400_000;
    if (young) return { blockedUntil: null, hold: "link_new_account" };
  }

  if (rules.words.length > 0 && (await matchesWordList(db, posting.text, rules.words)))
    return { blockedUntil: null, hold: "word_list" };
  return { blockedUntil: null, hold: null };
}

/**
 * Whether the text contains one of the words or phrases, whole words only, after both went through
 * the database's normalize_arabic() (harakat, tatweel, alef/yeh/teh-marbuta forms, case).
 */
export async function matchesWordList(db: Db, text: string, words: string[]): Promise<boolean> {
  const [row] = rowsOf<{ text: string; words: string[] }>(
    await db.execute(
      sql`select normalize_arabic(${text}) as text, array(select normalize_arabic(w) from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) w) as words`,
    ),
  );
  if (!row) return false;
  const tokens = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const haystack = ` ${tokens(row.text).join(" ")} `;
  return row.words.some((w) => {
    const needle = tokens(w).join(" ");
    return needle.length > 0 && haystack.includes(` ${needle} `);
  });
}

/** Puts a just-stored held item in the moderators' queue. Call in the transaction that stored it. */
export async function recordHold(
  db: Db,
  item: { kind: string; itemId: string; authorId: string },
  cause: HoldCause,
): Promise<void> {
  await db
    .insert(moderationItems)
    .values({
      kind: item.kind,
      itemId: item.itemId,
      authorId: item.authorId,
      holdCause: cause,
      pendingSince: sql`now()`,
    })
    .onConflictDoUpdate({
      target: [moderationItems.kind, moderationItems.itemId],
      set: { holdCause: cause, pendingSince: sql`coalesce(${moderationItems.pendingSince}, now())` },
    });
  await db
    .insert(moderationActions)
    .values({ kind: item.kind, itemId: item.itemId, action: "held", reason: cause });
}
