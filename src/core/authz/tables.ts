import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, ownedBy, requiredRef, timestamps, tstz } from "../../db/columns.js";
import { accounts } from "../auth/tables.js";
import { structures } from "../structures/tables.js";

/** Roles scoped to one structure. Platform admin is global (accounts.is_platform_admin). */
export const staffRole = pgEnum("staff_role", ["agent", "structure_admin", "moderator", "integrity_officer"]);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    structureId: requiredRef("structure_id", () => structures.id),
    role: staffRole("role").notNull(),
    grantedBy: uuid("granted_by").references(() => accounts.id, { onDelete: "set null" }),
    revokedAt: tstz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => accounts.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("memberships_active_unique")
      .on(t.accountId, t.structureId, t.role)
      .where(sql`${t.revokedAt} is null`),
    index("memberships_structure_idx").on(t.structureId),
  ],
);
