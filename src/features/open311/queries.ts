import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNull,
  lte,
  max,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { sha256 } from "../../core/auth/secrets.js";
import { isUuid } from "../../core/ids.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { OPEN_STATUSES } from "../cases/lifecycle.js";
import { cases } from "../cases/tables.js";
import { structureCategories } from "../structures/tables.js";
import { open311Clients, open311Submissions } from "./tables.js";

export type Open311Client = typeof open311Clients.$inferSelect;

/**
 * Request types anyone may read through the API: notices and suggestions are about public matters.
 * Complaints, guidance and information requests can be personal, so the API never shows them.
 */
export const PUBLIC_TYPES = ["notice", "suggestion"] as const;

/** Sharek's statuses as Open311's two: open while staff have it, closed once answered or closed. */
export const OPEN311_STATUSES = {
  open: [...OPEN_STATUSES],
  closed: ["answered", "closed"],
} as const;
export type Open311Status = keyof typeof OPEN311_STATUSES;

/** A service code: "<structure code>.<category code>", both lowercase letters, digits and hyphens. */
const SERVICE_CODE = /^([a-z0-9-]{1,64})\.([a-z0-9-]{1,64})$/;

export function parseServiceCode(code: string): { structure: string; category: string } | null {
  const m = SERVICE_CODE.exec(code);
  return m ? { structure: m[1]!, category: m[2]! } : null;
}

const SERVICE_COLUMNS = {
  categoryId: structureCategories.id,
  categoryCode: structureCategories.code,
  categoryName: structureCategories.name,
  structureId: structures.id,
  structureCode: structures.code,
  structureName: structures.name,
  governorateCode: structures.governorateCode,
};

const activeService = and(isNull(structureCategories.retiredAt), isNull(structures.retiredAt));

export type ServiceRow = Awaited<ReturnType<typeof listServices>>[number];

/** Every request category of every active structure: the API's services. */
export async function listServices(db: Db) {
  return db
    .select(SERVICE_COLUMNS)
    .from(structureCategories)
    .innerJoin(structures, eq(structures.id, structureCategories.structureId))
    .where(activeService)
    .orderBy(asc(structures.code), asc(structureCategories.code));
}

/** One active service by its code; null for unknown or malformed codes (never a database error). */
export async function findService(db: Db, code: string): Promise<ServiceRow | null> {
  const parsed = parseServiceCode(code);
  if (!parsed) return null;
  const [row] = await db
    .select(SERVICE_COLUMNS)
    .from(structureCategories)
    .innerJoin(structures, eq(structures.id, structureCategories.structureId))
    .where(
      and(
        activeService,
        eq(structures.code, parsed.structure),
        eq(structureCategories.code, parsed.category),
      ),
    );
  return row ?? null;
}

/** When the list of services last changed (a category or a structure edited, added or retired). */
export async function servicesChangedAt(db: Db): Promise<Date> {
  const [[categories], [directory]] = await Promise.all([
    db.select({ at: max(structureCategories.updatedAt) }).from(structureCategories),
    db.select({ at: max(structures.updatedAt) }).from(structures),
  ]);
  const times = [categories?.at, directory?.at].filter((d): d is Date => d instanceof Date);
  return times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : new Date(0);
}

/** The structure a request's category belongs to (a routed request may sit at another structure). */
const categoryStructures = alias(structures, "category_structures");

const REQUEST_COLUMNS = {
  reference: cases.reference,
  type: cases.type,
  status: cases.status,
  outcome: cases.outcome,
  description: cases.description,
  address: cases.address,
  latitude: cases.latitude,
  longitude: cases.longitude,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  answeredAt: cases.answeredAt,
  closedAt: cases.closedAt,
  dueAt: cases.dueAt,
  structureCode: structures.code,
  structureName: structures.name,
  categoryCode: structureCategories.code,
  categoryName: structureCategories.name,
  categoryStructureCode: categoryStructures.code,
};

export type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];

/** Public requests (notices and suggestions only) matching `where`, newest first. */
function selectRequests(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select(REQUEST_COLUMNS)
    .from(cases)
    .innerJoin(structures, eq(structures.id, cases.structureId))
    .leftJoin(structureCategories, eq(structureCategories.id, cases.categoryId))
    .leftJoin(categoryStructures, eq(categoryStructures.id, structureCategories.structureId))
    .where(and(inArray(cases.type, [...PUBLIC_TYPES]), where))
    .orderBy(desc(cases.createdAt), desc(cases.reference))
    .limit(limit);
}

/** The most requests one answer holds (the specification's default limit). */
export const MAX_REQUESTS = 1000;

/** Public requests by reference (unknown and private ones are simply absent). */
export async function findRequestsByReference(db: Db, references: string[]) {
  if (references.length === 0) return [];
  return selectRequests(db, inArray(cases.reference, references), MAX_REQUESTS);
}

export interface RequestFilters {
  from: Date;
  to: Date;
  serviceCodes: string[];
  statuses: Open311Status[];
}

/** Public requests filed in [from, to], of the services and statuses asked for (all when empty). */
export async function listRequests(db: Db, filters: RequestFilters) {
  const conditions: SQL[] = [gte(cases.createdAt, filters.from), lte(cases.createdAt, filters.to)];
  if (filters.serviceCodes.length > 0) {
    const pairs = filters.serviceCodes.map(parseServiceCode).filter((p) => p !== null);
    if (pairs.length === 0) return [];
    conditions.push(
      or(
        ...pairs.map((p) =>
          and(eq(categoryStructures.code, p.structure), eq(structureCategories.code, p.category)),
        ),
      )!,
    );
  }
  if (filters.statuses.length > 0 && filters.statuses.length < 2) {
    conditions.push(inArray(cases.status, [...OPEN311_STATUSES[filters.statuses[0]!]]));
  }
  return selectRequests(db, and(...conditions), MAX_REQUESTS);
}

// --- Client applications and their keys.

/** The active client holding this API key, or null (unknown, revoked or malformed keys alike). */
export async function findClientByKey(db: Db, key: string | undefined): Promise<Open311Client | null> {
  if (!key || key.length > 200) return null;
  const [row] = await db
    .select()
    .from(open311Clients)
    .where(and(eq(open311Clients.keyHash, sha256(key)), isNull(open311Clients.revokedAt)));
  return row ?? null;
}

export type ClientSummary = Open311Client & { requests: number };

/** The applications, active keys first and newest first, with how many requests each filed. */
export async function listClients(db: Db): Promise<ClientSummary[]> {
  const filed = db
    .select({ clientId: open311Submissions.clientId, n: count().as("n") })
    .from(open311Submissions)
    .groupBy(open311Submissions.clientId)
    .as("filed");
  const rows = await db
    .select({ ...getTableColumns(open311Clients), requests: filed.n })
    .from(open311Clients)
    .leftJoin(filed, eq(filed.clientId, open311Clients.id))
    .orderBy(sql`${open311Clients.revokedAt} is not null`, desc(open311Clients.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r, requests: Number(r.requests ?? 0) }));
}

/** A client by id; null for unknown ids and for strings that are not uuids. */
export async function findClient(db: Db, id: string): Promise<Open311Client | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(open311Clients).where(eq(open311Clients.id, id));
  return row ?? null;
}
