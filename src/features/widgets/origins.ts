import { asc, eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../core/audit/record.js";
import { type FieldErrors, fieldError, type Result } from "../../core/forms.js";
import type { Db } from "../../db/client.js";
import { widgetOrigins } from "./tables.js";

export const MAX_ORIGINS = 20;

/** The origins allowed to frame a structure's widgets. */
export async function listWidgetOrigins(db: Db, structureId: string): Promise<string[]> {
  const rows = await db
    .select({ origin: widgetOrigins.origin })
    .from(widgetOrigins)
    .where(eq(widgetOrigins.structureId, structureId))
    .orderBy(asc(widgetOrigins.origin));
  return rows.map((r) => r.origin);
}

/** "https://www.example.tn" from a line as typed; null unless it is exactly an http(s) origin. */
export function parseOrigin(line: string): string | null {
  if (!/^https?:\/\/[^\s/]+\/?$/i.test(line)) return null;
  try {
    const url = new URL(line);
    if (url.username || url.password || !/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname))
      return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Replaces a structure's allow-list with the origins typed one per line. */
export async function saveWidgetOrigins(
  db: Db,
  structureId: string,
  input: string | undefined,
  context: ChangeContext,
): Promise<Result<string[], "origins">> {
  const lines = (input ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const errors: FieldErrors<"origins"> = {};
  const origins = new Set<string>();
  for (const line of lines) {
    const origin = parseOrigin(line);
    if (!origin) {
      errors.origins = fieldError("widgets.errors.originInvalid", { origin: line.slice(0, 100) });
      break;
    }
    origins.add(origin);
  }
  if (!errors.origins && origins.size > MAX_ORIGINS)
    errors.origins = fieldError("widgets.errors.tooMany", { max: MAX_ORIGINS });
  if (errors.origins) return { ok: false, errors };
  const list = [...origins].sort();
  await db.transaction(async (tx) => {
    await tx.delete(widgetOrigins).where(eq(widgetOrigins.structureId, structureId));
    if (list.length > 0)
      await tx.insert(widgetOrigins).values(list.map((origin) => ({ structureId, origin })));
    await audit(
      tx,
      {
        action: "widgets.origins",
        subjectType: "structure",
        subjectId: structureId,
        structureId,
        details: { origins: list },
      },
      context.request,
      context.actorId,
    );
  });
  return { ok: true, value: list };
}
