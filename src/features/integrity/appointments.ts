import { aliasedTable, and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { audit } from "../../core/audit/record.js";
import { accounts } from "../../core/auth/tables.js";
import { memberships } from "../../core/authz/tables.js";
import { translator } from "../../core/i18n/catalog.js";
import { isLocale, pickLocalized } from "../../core/i18n/localized.js";
import { enqueueMails } from "../../core/mail/outbox.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { tunisDay } from "../calendar/days.js";
import { integrityAppointments } from "./tables.js";

/*
 * An appointed integrity officer receives report keys only once approved by an officer of the
 * same structure who already is; their future colleagues are told by mail. When the structure has
 * no approved officer, nobody could approve: the platform admin's appointment stands (audited).
 */

const officerMembership = (accountId: string) =>
  and(
    eq(memberships.accountId, accountId),
    eq(memberships.role, "integrity_officer"),
    isNull(memberships.revokedAt),
  );

/** The approved officers of a structure (live accounts), but one. */
async function approvedOfficers(db: Db, structureId: string, except: string) {
  return db
    .select({ accountId: accounts.id, email: accounts.email, locale: accounts.locale })
    .from(memberships)
    .innerJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.structureId, structureId),
        eq(memberships.role, "integrity_officer"),
        isNull(memberships.revokedAt),
        isNotNull(integrityAppointments.approvedOn),
        isNull(accounts.deletedAt),
        ne(accounts.id, except),
      ),
    );
}

/**
 * Records the state of each new integrity-officer appointment of an account: approved at once when
 * the structure has no approved officer, pending otherwise (and its approved officers are mailed).
 * Runs at the officer's every step into the officers' area, before any key can be made or shared.
 */
export async function settleAppointments(
  db: Db,
  accountId: string,
  options: { publicUrl: string; request?: FastifyRequest },
): Promise<void> {
  const unsettled = await db
    .select({ id: memberships.id, structureId: memberships.structureId, grantedBy: memberships.grantedBy })
    .from(memberships)
    .leftJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .where(and(officerMembership(accountId), isNull(integrityAppointments.membershipId)));
  for (const membership of unsettled) {
    await db.transaction(async (tx) => {
      // One appointment of a structure settles at a time: two newcomers cannot both be "the first".
      const [structure] = await tx
        .select({ name: structures.name })
        .from(structures)
        .where(eq(structures.id, membership.structureId))
        .for("update");
      const colleagues = await approvedOfficers(tx, membership.structureId, accountId);
      const stands = colleagues.length === 0;
      const inserted = await tx
        .insert(integrityAppointments)
        .values({ membershipId: membership.id, approvedOn: stands ? tunisDay(new Date()) : null })
        .onConflictDoNothing()
        .returning({ id: integrityAppointments.membershipId });
      if (inserted.length === 0) return;
      await audit(
        tx,
        {
          action: stands ? "integrity.officer.appointment_stands" : "integrity.officer.appointment_pending",
          subjectType: "membership",
          subjectId: membership.id,
          structureId: membership.structureId,
          details: { accountId, grantedBy: membership.grantedBy },
        },
        options.request,
        accountId,
      );
      if (stands) return;
      const [newcomer] = await tx
        .select({ name: accounts.displayName })
        .from(accounts)
        .where(eq(accounts.id, accountId));
      await enqueueMails(
        tx,
        colleagues.flatMap((c) => {
          if (!c.email) return [];
          const locale = isLocale(c.locale) ? c.locale : "ar";
          const t = translator(locale);
          const vars = {
            name: newcomer?.name ?? "",
            structure: structure ? pickLocalized(structure.name, locale).text : "",
            link: `${options.publicUrl}/${locale}/integrity/officer/colleagues`,
          };
          return [
            {
              to: c.email,
              subject: t("integrity.mail.newColleague.subject", vars),
              text: t("integrity.mail.newColleague.body", vars),
            },
          ];
        }),
      );
    });
  }
}

/** Whether the account has an approved integrity-officer appointment in the structure. */
export async function isApprovedIn(db: Db, accountId: string, structureId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .where(
      and(
        officerMembership(accountId),
        eq(memberships.structureId, structureId),
        isNotNull(integrityAppointments.approvedOn),
      ),
    );
  return Boolean(row);
}

/** Whether the account holds an integrity-officer appointment that still waits for approval. */
export async function awaitsApproval(db: Db, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .where(and(officerMembership(accountId), isNull(integrityAppointments.approvedOn)));
  return Boolean(row);
}

export interface PendingColleague {
  membershipId: string;
  structureId: string;
  name: string;
  email: string | null;
  structureName: (typeof structures.$inferSelect)["name"];
  appointedOn: string;
}

/** Pending appointments in the structures where the account is an approved officer. */
export async function pendingColleagues(db: Db, accountId: string): Promise<PendingColleague[]> {
  const mine = aliasedTable(memberships, "mine");
  const mineApproved = aliasedTable(integrityAppointments, "mine_approved");
  const rows = await db
    .selectDistinct({
      membershipId: memberships.id,
      structureId: memberships.structureId,
      name: accounts.displayName,
      email: accounts.email,
      structureName: structures.name,
      appointedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .innerJoin(structures, eq(structures.id, memberships.structureId))
    .innerJoin(
      mine,
      and(
        eq(mine.structureId, memberships.structureId),
        eq(mine.accountId, accountId),
        eq(mine.role, "integrity_officer"),
        isNull(mine.revokedAt),
      ),
    )
    .innerJoin(mineApproved, and(eq(mineApproved.membershipId, mine.id), isNotNull(mineApproved.approvedOn)))
    .where(
      and(
        eq(memberships.role, "integrity_officer"),
        isNull(memberships.revokedAt),
        isNull(integrityAppointments.approvedOn),
        isNull(accounts.deletedAt),
      ),
    );
  return rows.map(({ appointedAt, ...r }) => ({ ...r, appointedOn: tunisDay(appointedAt) }));
}

/**
 * Approves a colleague's pending appointment, if the approver is an approved officer of its
 * structure. Returns the structure, or null when there was nothing this approver could approve.
 */
export async function approveAppointment(
  db: Db,
  membershipId: string,
  approverId: string,
): Promise<{ structureId: string; accountId: string } | null> {
  const [target] = await db
    .select({ structureId: memberships.structureId, accountId: memberships.accountId })
    .from(memberships)
    .innerJoin(integrityAppointments, eq(integrityAppointments.membershipId, memberships.id))
    .where(
      and(
        eq(memberships.id, membershipId),
        eq(memberships.role, "integrity_officer"),
        isNull(memberships.revokedAt),
        isNull(integrityAppointments.approvedOn),
      ),
    );
  if (!target || target.accountId === approverId || !(await isApprovedIn(db, approverId, target.structureId)))
    return null;
  const updated = await db
    .update(integrityAppointments)
    .set({ approvedOn: tunisDay(new Date()), approvedBy: approverId })
    .where(
      and(eq(integrityAppointments.membershipId, membershipId), isNull(integrityAppointments.approvedOn)),
    )
    .returning({ id: integrityAppointments.membershipId });
  return updated.length > 0 ? target : null;
}
