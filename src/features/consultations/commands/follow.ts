import type { Db } from "../../../db/client.js";
import { addFollow, unfollow } from "../../subscriptions/commands.js";

/**
 * Follows a consultation (its phase changes and its outcome come as the person chose on their
 * subscriptions page: at once, daily or weekly), or stops following it.
 */
export async function setFollowing(db: Db, consultationId: string, accountId: string, follow: boolean) {
  if (follow) await addFollow(db, accountId, "consultation", consultationId);
  else await unfollow(db, accountId, "consultation", consultationId);
}
