import type { Actor } from "../../core/authz/actor.js";

export type Open311Action =
  /** See the client applications and their keys' hints. */
  | "listKeys"
  /** Issue a key to a client application. */
  | "createKey"
  /** Revoke a client's key. */
  | "revokeKey";

/**
 * Who manages the Open311 API's keys. Default-deny: platform admins (the central office) only,
 * since a key lets an application file requests to every structure.
 */
export function canOpen311(actor: Actor, action: Open311Action): boolean {
  if (!actor.accountId || !actor.platformAdmin) return false;
  return action === "listKeys" || action === "createKey" || action === "revokeKey";
}
