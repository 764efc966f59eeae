import type { FastifyRequest } from "fastify";
import type { ChangeContext } from "../../../core/audit/record.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { canStructure, type StructureAction } from "../policy.js";
import { findCategory, findStructureById, type Structure, type StructureCategory } from "../queries.js";

/**
 * Loads the structure an admin route acts on, then checks twice: a structure the actor may not
 * see answers 404 (as an unknown or malformed id does), and an action they may not take, 403.
 */
export async function loadStructure(
  request: FastifyRequest,
  id: string,
  action: StructureAction,
): Promise<Structure> {
  const structure = await findStructureById(request.server.db, id);
  if (!structure || !canStructure(request.actor, "view", structure)) throw new NotFoundError();
  if (!canStructure(request.actor, action, structure)) throw new ForbiddenError();
  return structure;
}

/** A category of a structure the actor manages; 404 for anything else. */
export async function loadCategory(
  request: FastifyRequest,
  id: string,
  categoryId: string,
): Promise<{ structure: Structure; category: StructureCategory }> {
  const structure = await loadStructure(request, id, "manageCategories");
  const category = await findCategory(request.server.db, structure.id, categoryId);
  if (!category) throw new NotFoundError();
  return { structure, category };
}

export function changeContext(request: FastifyRequest): ChangeContext {
  return { actorId: request.account?.id ?? null, request };
}
