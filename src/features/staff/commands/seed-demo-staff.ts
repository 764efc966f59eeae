import { inArray } from "drizzle-orm";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { hashSecret } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import type { StaffRole } from "../../../core/authz/actor.js";
import { memberships } from "../../../core/authz/tables.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";

/** Shared by every demo account; printed at start. Demo data never exists in production. */
export const DEMO_PASSWORD = "sharek-demo-2026";
/**
 * The TOTP secret of every demo staff account, published on purpose so anyone trying the demo can
 * add it to an authenticator app (Base32; issuer Sharek).
 */
export const DEMO_TOTP_SECRET = "SHAREKDEMOSHAREKDEMOSHAREKDEMO22";

interface DemoPerson {
  email: string;
  name: string;
  label: string;
  platformAdmin?: boolean;
  role?: { structure: string; role: StaffRole };
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: "admin@demo.sharek.tn",
    name: "Sonia Gharbi / سنية الغربي",
    label: "platform admin",
    platformAdmin: true,
  },
  {
    email: "structure-admin@demo.sharek.tn",
    name: "Mohamed Ali Jaziri / محمد علي الجزيري",
    label: "structure admin, Municipality of Tunis",
    role: { structure: "mun-tn-11", role: "structure_admin" },
  },
  {
    email: "agent@demo.sharek.tn",
    name: "Leïla Mansouri / ليلى المنصوري",
    label: "agent, Municipality of Tunis",
    role: { structure: "mun-tn-11", role: "agent" },
  },
  {
    email: "moderator@demo.sharek.tn",
    name: "Karim Haddad / كريم الحداد",
    label: "moderator, Municipality of Tunis",
    role: { structure: "mun-tn-11", role: "moderator" },
  },
  {
    email: "integrity@demo.sharek.tn",
    name: "Salma Ben Youssef / سلمى بن يوسف",
    label: "integrity officer, Municipality of Tunis",
    role: { structure: "mun-tn-11", role: "integrity_officer" },
  },
  {
    email: "integrity-central@demo.sharek.tn",
    name: "Hichem Ouertani / هشام الورتاني",
    label: "integrity officer, central integrity unit",
    role: { structure: "inlucc", role: "integrity_officer" },
  },
  {
    email: "health-agent@demo.sharek.tn",
    name: "Youssef Chaabane / يوسف شعبان",
    label: "agent, Ministry of Health",
    role: { structure: "min-health", role: "agent" },
  },
  {
    email: "citizen@demo.sharek.tn",
    name: "Nour Ayari / نور العياري",
    label: "citizen (identity verified)",
  },
];

/**
 * One demo account per role, staff enrolled in TOTP with the published demo secret. Accounts that
 * already exist are left alone, so running it twice changes nothing. Returns the lines to print.
 */
export async function seedDemoStaff(db: Db): Promise<string[]> {
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const codes = [...new Set(DEMO_PEOPLE.flatMap((p) => (p.role ? [p.role.structure] : [])))];
  const found = await db
    .select({ id: structures.id, code: structures.code })
    .from(structures)
    .where(inArray(structures.code, codes));
  const structureId = new Map(found.map((s) => [s.code, s.id]));
  const now = new Date();

  for (const person of DEMO_PEOPLE) {
    if (await findAccountByEmail(db, person.email)) continue;
    const staff = Boolean(person.platformAdmin || person.role);
    await db.transaction(async (tx) => {
      const [account] = await tx
        .insert(accounts)
        .values({
          email: person.email,
          emailVerifiedAt: now,
          passwordHash,
          displayName: person.name,
          locale: "ar",
          isPlatformAdmin: person.platformAdmin ?? false,
          identityVerifiedAt: staff ? null : now,
          totpSecret: staff ? DEMO_TOTP_SECRET : null,
          totpEnabledAt: staff ? now : null,
        })
        .returning({ id: accounts.id });
      const id = person.role ? structureId.get(person.role.structure) : undefined;
      if (person.role && id)
        await tx
          .insert(memberships)
          .values({ accountId: account!.id, structureId: id, role: person.role.role });
    });
  }
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(32)} ${p.label}: ${p.name}`),
    `Staff accounts ask for a TOTP code: add the demo secret ${DEMO_TOTP_SECRET} (issuer Sharek) to an authenticator app.`,
  ];
}
