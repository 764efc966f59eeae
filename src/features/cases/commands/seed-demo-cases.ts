import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { sha256 } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import type { FileStore } from "../../../core/files/store.js";
import { structures } from "../../../core/structures/tables.js";
import { type Db, rowsOf } from "../../../db/client.js";
import { structureCategories } from "../../structures/tables.js";
import { headAppealDueAt } from "../appeals.js";
import { storeAttachments } from "../attachments.js";
import { computeDueAt } from "../deadline.js";
import { caseAttachments, caseEvents, cases } from "../tables.js";
import { DEMO_CASES } from "./seed-demo-cases.data.js";
import { seedDemoRoutingRules } from "./seed-demo-routing.js";

/** A one-page PDF holding a few lines of plain ASCII text. */
function demoPdf(lines: string[]): Buffer {
  const text = lines
    .map((line, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td (${line.replace(/[\\()]/g, "\\$&")}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = Buffer.byteLength(pdf);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/**
 * Eighteen realistic requests in ar, fr and en, at every stage of their life: some by the demo
 * citizen (one answered with a document), two taken by the demo agent at the counter and by phone,
 * one left with a phone number only, access-to-information requests refused and under appeal.
 */
export async function seedDemoCases(db: Db, files: FileStore): Promise<string[]> {
  const codes = [...new Set(DEMO_CASES.map((c) => c.structure))];
  const structureRows = await db.select().from(structures).where(inArray(structures.code, codes));
  const byCode = new Map(structureRows.map((s) => [s.code, s]));
  const [citizen] = await db.select().from(accounts).where(eq(accounts.email, "citizen@demo.sharek.tn"));
  const [agent] = await db.select().from(accounts).where(eq(accounts.email, "agent@demo.sharek.tn"));
  const rules = await seedDemoRoutingRules(db);
  for (const demo of DEMO_CASES) {
    const structure = byCode.get(demo.structure);
    if (!structure) continue;
    const [category] = demo.category
      ? await db
          .select()
          .from(structureCategories)
          .where(
            and(
              eq(structureCategories.structureId, structure.id),
              eq(structureCategories.code, demo.category),
            ),
          )
      : [];
    const at = new Date(Date.now() - demo.daysAgo * 24 * 3600 * 1000);
    const later = (hours: number) => new Date(at.getTime() + hours * 3600 * 1000);
    const [next] = rowsOf<{ n: number }>(
      await db.execute(sql`select nextval('case_reference_seq')::int as n`),
    );
    const byCitizen = Boolean(demo.byCitizen && citizen);
    const answered = demo.reply !== undefined;
    const [row] = await db
      .insert(cases)
      .values({
        reference: `EC-${at.getUTCFullYear()}-${String(next!.n).padStart(6, "0")}`,
        submissionKeyHash: sha256(randomBytes(18).toString("base64url")),
        type: demo.type,
        status: demo.status,
        outcome: demo.status === "closed" ? "answered" : null,
        structureId: structure.id,
        categoryId: category?.id ?? null,
        needsTriage: demo.structure === "bcrc",
        subject: demo.subject,
        description: demo.description,
        governorateCode: demo.governorate ?? null,
        address: demo.address ?? null,
        channel: demo.onBehalf?.channel ?? "web",
        submitterId: byCitizen ? citizen!.id : null,
        contactName: byCitizen ? citizen!.displayName : (demo.onBehalf?.name ?? demo.phone?.name ?? null),
        contactEmail: byCitizen ? citizen!.email : null,
        contactPhone: demo.onBehalf?.phone ?? demo.phone?.number ?? null,
        contactAddress: demo.onBehalf?.address ?? null,
        anonymous: !byCitizen && !demo.onBehalf && !demo.phone,
        followTokenHash: sha256(randomBytes(32).toString("base64url")),
        assigneeId: demo.assigned && agent ? agent.id : null,
        teamId: (demo.routedBy ? rules.get(demo.routedBy)?.teamId : null) ?? null,
        clockStartedAt: at,
        dueAt: demo.refused
          ? headAppealDueAt(later(24 * 21))
          : await computeDueAt(db, demo.type, structure.id, at),
        accessTrack: demo.type === "information" ? "standard" : null,
        refusalGround: demo.refused?.ground ?? null,
        appealLevel: demo.refused ? 1 : 0,
        appealStructureId: demo.refused ? structure.id : null,
        appealedAt: demo.refused ? later(24 * 21) : null,
        pausedAt: demo.question ? later(30) : null,
        firstResponseAt: answered || demo.question ? later(answered ? 52 : 30) : null,
        answeredAt: answered ? later(52) : null,
        closedAt: demo.status === "closed" ? later(60) : null,
        satisfaction: demo.rating ?? null,
        createdAt: at,
      })
      .returning({ id: cases.id });
    const events: Array<typeof caseEvents.$inferInsert> = [
      {
        caseId: row!.id,
        kind: "submitted",
        actorId: byCitizen ? citizen!.id : demo.onBehalf ? (agent?.id ?? null) : null,
        at,
        details: { channel: demo.onBehalf?.channel ?? "web" },
      },
    ];
    const rule = demo.routedBy ? rules.get(demo.routedBy) : undefined;
    if (rule)
      events.push({
        caseId: row!.id,
        kind: "routed",
        internal: true,
        at,
        details: {
          ruleId: rule.id,
          from: structure.id,
          to: structure.id,
          teamId: rule.teamId,
          anyPlace: rule.anyPlace,
          place: rule.anyPlace ? "any" : "governorate",
        },
      });
    if (rule && demo.assigned && agent)
      events.push({
        caseId: row!.id,
        kind: "assigned",
        internal: true,
        at,
        details: {
          to: agent.id,
          auto: true,
          ruleId: rule.id,
          strategy: rule.assignment,
          ...(rule.teamId ? { teamId: rule.teamId } : {}),
        },
      });
    else if (demo.assigned && agent)
      events.push({
        caseId: row!.id,
        kind: "assigned",
        actorId: agent.id,
        internal: true,
        at: later(3),
        details: { assigneeId: agent.id },
      });
    if (demo.question && agent)
      events.push({
        caseId: row!.id,
        kind: "info_requested",
        actorId: agent.id,
        body: demo.question,
        at: later(30),
      });
    if (demo.reply)
      events.push({
        caseId: row!.id,
        kind: "replied",
        actorId: agent?.id ?? null,
        body: demo.reply,
        at: later(52),
      });
    if (demo.status === "closed")
      events.push({
        caseId: row!.id,
        kind: "closed",
        actorId: agent?.id ?? null,
        at: later(60),
        details: { outcome: "answered" },
      });
    if (demo.refused)
      events.push(
        {
          caseId: row!.id,
          kind: "closed",
          actorId: agent?.id ?? null,
          body: demo.refused.reasons,
          at: later(24 * 18),
          details: { outcome: "refused", ground: demo.refused.ground },
        },
        {
          caseId: row!.id,
          kind: "appealed",
          actorId: byCitizen ? citizen!.id : null,
          body: demo.refused.appeal,
          at: later(24 * 21),
          details: { appealLevel: 1 },
        },
      );
    if (demo.rating)
      events.push({ caseId: row!.id, kind: "rated", at: later(70), details: { rating: demo.rating } });
    const inserted = await db
      .insert(caseEvents)
      .values(events)
      .returning({ id: caseEvents.id, kind: caseEvents.kind });
    if (demo.document) {
      const [file] = await storeAttachments(files, [
        { data: demoPdf(demo.document), mime: "application/pdf" },
      ]);
      const replied = inserted.find((e) => e.kind === "replied");
      await db.insert(caseAttachments).values({
        caseId: row!.id,
        eventId: replied?.id ?? null,
        fileKey: file!.key,
        mime: file!.mime,
        size: file!.size,
      });
    }
  }
  return [
    `Demo requests: ${DEMO_CASES.length} (queue of the Municipality of Tunis: sign in as agent@demo.sharek.tn).`,
    `Demo routing rules: ${rules.size} (with automatic assignment; sign in as structure-admin@demo.sharek.tn).`,
  ];
}
