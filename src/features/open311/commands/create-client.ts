import type { FastifyRequest } from "fastify";
import { audit } from "../../../core/audit/record.js";
import { randomToken, sha256 } from "../../../core/auth/secrets.js";
import { type FieldErrors, fieldError, hasErrors, isEmail, type Result, text } from "../../../core/forms.js";
import type { Db } from "../../../db/client.js";
import type { Open311Client } from "../queries.js";
import { open311Clients } from "../tables.js";

export type ClientField = "name" | "contactEmail";
export type ClientInput = Partial<Record<ClientField, string>>;

export const CLIENT_NAME = { min: 2, max: 120 } as const;
/** Every key starts so, which tells anyone who finds one in a log or a repository what it is. */
export const KEY_PREFIX = "sharek311_";

export interface IssuedKey {
  client: Open311Client;
  /** The key itself: shown once, never stored. */
  key: string;
}

/**
 * Issues an API key to a client application: 256 random bits, kept only as their sha256, with a
 * short hint so admins can tell keys apart. Audited without the key, the name or the address.
 */
export async function createClient(
  db: Db,
  input: ClientInput,
  context: { actorId: string | null; request?: FastifyRequest },
): Promise<Result<IssuedKey, ClientField>> {
  const errors: FieldErrors<ClientField> = {};
  const name = text(input.name);
  if ([...name].length < CLIENT_NAME.min)
    errors.name = fieldError("open311.admin.errors.nameShort", { min: CLIENT_NAME.min });
  else if ([...name].length > CLIENT_NAME.max)
    errors.name = fieldError("open311.admin.errors.nameLong", { max: CLIENT_NAME.max });
  const contactEmail = text(input.contactEmail);
  if (!isEmail(contactEmail)) errors.contactEmail = fieldError("open311.admin.errors.emailInvalid");
  if (hasErrors(errors)) return { ok: false, errors };

  const key = `${KEY_PREFIX}${randomToken()}`;
  return db.transaction(async (tx) => {
    const [client] = await tx
      .insert(open311Clients)
      .values({
        name,
        contactEmail,
        keyHash: sha256(key),
        keyHint: key.slice(0, KEY_PREFIX.length + 4),
        createdBy: context.actorId,
      })
      .returning();
    await audit(
      tx,
      { action: "open311.key_create", subjectType: "open311_client", subjectId: client!.id },
      context.request,
      context.actorId,
    );
    return { ok: true as const, value: { client: client!, key } };
  });
}
