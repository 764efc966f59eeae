import { asc, eq, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { translator } from "../../../../core/i18n/catalog.js";
import { isLocale, type Locale } from "../../../../core/i18n/localized.js";
import { governorates, structures } from "../../../../core/structures/tables.js";
import { findDeadlinePolicy, loadCalendarFor } from "../../../calendar/queries.js";
import { OPEN_STATUSES } from "../../lifecycle.js";
import { findCase } from "../../queries.js";
import { caseDeadlineState } from "../deadline-state.js";
import { caseAbilities } from "../policy.js";
import {
  type CaseRow,
  findCategoryName,
  findSubmitter,
  listAttachments,
  listEvents,
  structureNames,
  transferChain,
} from "../queries/case.js";
import { listMembers } from "../queries/handlers.js";
import { listSimilarOpenCases } from "../queries/similar.js";
import { teamNames } from "../teams.js";
import { fillTemplate, listUsableTemplates, placeholderValues } from "../templates.js";
import type { CaseForms } from "../views/case-forms.js";
import type { CasePageData } from "../views/case-page.js";

/** Everything the case page shows, for a request the actor may see. */
export async function casePageData(request: FastifyRequest, c: CaseRow): Promise<CasePageData> {
  const db = request.server.db;
  const now = new Date();
  const open = OPEN_STATUSES.includes(c.status) && !c.duplicateOfId;
  const [
    events,
    attachments,
    categoryName,
    submitter,
    handlers,
    templates,
    policy,
    cal,
    names,
    targets,
    similar,
  ] = await Promise.all([
    listEvents(db, c.id),
    listAttachments(db, c.id),
    findCategoryName(db, c.categoryId),
    findSubmitter(db, c.submitterId),
    listMembers(db, c.structureId),
    listUsableTemplates(db, c.structureId, c.categoryId),
    findDeadlinePolicy(db, c.type, c.structureId),
    loadCalendarFor(db, now),
    structureNames(db, [
      c.structureId,
      ...(c.appealStructureId ? [c.appealStructureId] : []),
      ...(c.municipalityId ? [c.municipalityId] : []),
    ]),
    db
      .select({ id: structures.id, name: structures.name })
      .from(structures)
      .where(isNull(structures.retiredAt))
      .orderBy(asc(structures.code)),
    open ? listSimilarOpenCases(db, c) : [],
  ]);
  const chain = transferChain(events);
  const chainNames = await structureNames(
    db,
    chain.flatMap((h) => [h.from, h.to]),
  );
  const [governorate] = c.governorateCode
    ? await db.select().from(governorates).where(eq(governorates.code, c.governorateCode))
    : [];
  const duplicateOf = c.duplicateOfId ? await findCase(db, c.duplicateOfId) : null;
  const teams = await teamNames(db, [
    ...(c.teamId ? [c.teamId] : []),
    ...events.map((e) => String((e.event.details as { teamId?: unknown }).teamId ?? "")),
  ]);
  return {
    c,
    abilities: caseAbilities(request.actor, c),
    structureName: names.get(c.structureId) ?? {},
    appealStructureName: c.appealStructureId ? (names.get(c.appealStructureId) ?? null) : null,
    categoryName,
    governorateName: governorate?.name ?? null,
    teamName: c.teamId ? (teams.get(c.teamId) ?? null) : null,
    teams,
    municipality: c.municipalityId ? { id: c.municipalityId, name: names.get(c.municipalityId) ?? {} } : null,
    assigneeName: c.assigneeId
      ? (handlers.find((h) => h.id === c.assigneeId)?.name ??
        (await findSubmitter(db, c.assigneeId))?.name ??
        null)
      : null,
    submitter: submitter ? { name: submitter.name, email: submitter.email } : null,
    deadline: {
      state: caseDeadlineState(c, now, cal),
      // Access-to-information limits are the law's, in calendar days (the page shows the track).
      workingDays: c.type === "information" ? null : (policy?.workingDays ?? null),
      legalBasis: policy?.legalBasis ?? null,
    },
    events,
    attachments,
    chain: chain.map((h) => ({
      ...h,
      fromName: chainNames.get(h.from) ?? {},
      toName: chainNames.get(h.to) ?? {},
    })),
    handlers,
    templates,
    transferTargets: targets.filter((s) => s.id !== c.structureId),
    duplicateOf: duplicateOf ? { id: duplicateOf.id, reference: duplicateOf.reference } : null,
    similar,
  };
}

/** The reply box filled from one of the request's usable templates, in the template's language. */
export function templatePrefill(
  data: CasePageData,
  templateId: string | undefined,
): Pick<CaseForms, "reply" | "templateId"> {
  const template = data.templates.find((tpl) => tpl.id === templateId);
  if (!template) return {};
  const locale: Locale = isLocale(template.locale) ? template.locale : "ar";
  const values = placeholderValues(
    data.c,
    data.structureName,
    locale,
    new Date(),
    translator(locale)("cases.workspace.templates.citizen"),
  );
  return { reply: fillTemplate(template.body, values), templateId: template.id };
}
