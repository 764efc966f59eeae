import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { memberships } from "../../../core/authz/tables.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { CENTRAL_OFFICE_CODE } from "../../structures/reference-data.js";
import { liveMembership } from "../workspace/queries/handlers.js";

/** A member of staff a deadline mail goes to. */
export interface StaffRecipient {
  id: string;
  email: string;
  locale: string;
}

/** A structure's name and the live staff who handle its requests, by role. */
export interface StructureStaff {
  name: LocalizedText;
  admins: StaffRecipient[];
  agents: StaffRecipient[];
}

const byId = (a: StaffRecipient, b: StaffRecipient) => a.id.localeCompare(b.id);

/**
 * The names and the live agents and structure admins (with an address) of several structures, in
 * two queries whatever their number: a batch of the deadline job looks them up once.
 */
export async function loadStructureStaff(
  db: Db,
  structureIds: readonly string[],
): Promise<Map<string, StructureStaff>> {
  const ids = [...new Set(structureIds)];
  const found = new Map<string, StructureStaff>();
  if (ids.length === 0) return found;
  const named = await db
    .select({ id: structures.id, name: structures.name })
    .from(structures)
    .where(inArray(structures.id, ids));
  for (const s of named) found.set(s.id, { name: s.name, admins: [], agents: [] });
  const members = await db
    .selectDistinct({
      structureId: memberships.structureId,
      role: memberships.role,
      id: accounts.id,
      email: accounts.email,
      locale: accounts.locale,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        inArray(memberships.structureId, ids),
        liveMembership(["agent", "structure_admin"]),
        isNotNull(accounts.email),
      ),
    );
  for (const m of members) {
    const staff = found.get(m.structureId);
    if (!staff) continue;
    const person = { id: m.id, email: m.email!, locale: m.locale };
    (m.role === "structure_admin" ? staff.admins : staff.agents).push(person);
  }
  for (const staff of found.values()) {
    staff.admins.sort(byId);
    staff.agents.sort(byId);
  }
  return found;
}

/**
 * Who answers for a structure's late requests: its structure admins, or its agents when it has no
 * admin (the rule the transfer command follows too), so that an alert never goes nowhere.
 */
export function structureLeads(staff: StructureStaff | undefined): StaffRecipient[] {
  if (!staff) return [];
  return staff.admins.length > 0 ? staff.admins : staff.agents;
}

/**
 * Who is reminded of a request due soon: its assignee while they still handle the structure's
 * requests; for a request no one holds (unassigned, or its assignee left), the structure's leads,
 * who assign requests.
 */
export function reminderRecipients(
  staff: StructureStaff | undefined,
  assigneeId: string | null,
): { to: "assignee" | "structure"; people: StaffRecipient[] } {
  const assignee = assigneeId
    ? [...(staff?.admins ?? []), ...(staff?.agents ?? [])].find((p) => p.id === assigneeId)
    : undefined;
  if (assignee) return { to: "assignee", people: [assignee] };
  return { to: "structure", people: structureLeads(staff) };
}

/**
 * The central office's structure admins, or the platform admins when it has none (they are the
 * central office on the platform). Looked up once per run.
 */
export async function loadCentralOffice(db: Db): Promise<{ id: string | null; people: StaffRecipient[] }> {
  const [office] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, CENTRAL_OFFICE_CODE));
  const admins = office ? ((await loadStructureStaff(db, [office.id])).get(office.id)?.admins ?? []) : [];
  if (admins.length > 0) return { id: office!.id, people: admins };
  const platform = await db
    .select({ id: accounts.id, email: accounts.email, locale: accounts.locale })
    .from(accounts)
    .where(and(eq(accounts.isPlatformAdmin, true), isNull(accounts.deletedAt), isNotNull(accounts.email)))
    .orderBy(accounts.id);
  return { id: office?.id ?? null, people: platform.map((p) => ({ ...p, email: p.email! })) };
}
