import type { FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { translator } from "../../../core/i18n/catalog.js";
import { CONTENT_TYPES, type Document, type Format, serialise } from "../document.js";
import { badRequest, notFound } from "../errors.js";
import { apiLocale, isFormat, jurisdictionOf, one, splitResource } from "../params.js";
import type { Presenter } from "../present.js";

/** A parameter given once or several times (the validator turns one value into a list of one). */
const Values = Type.Optional(Type.Array(Type.String({ maxLength: 262_144 }), { maxItems: 20 }));
export type Values = string[] | undefined;

/** The query parameters the API reads; any other is ignored. */
export const ApiQuery = Type.Object({
  jurisdiction_id: Values,
  locale: Values,
  service_request_id: Values,
  service_code: Values,
  start_date: Values,
  end_date: Values,
  status: Values,
  api_key: Values,
});
export type ApiQueryType = Partial<Record<keyof typeof ApiQuery.properties, string[]>>;

/** The POST parameters (application/x-www-form-urlencoded, as the specification sends them). */
export const PostBody = Type.Object({
  api_key: Values,
  jurisdiction_id: Values,
  service_code: Values,
  lat: Values,
  long: Values,
  address_string: Values,
  address_id: Values,
  email: Values,
  device_id: Values,
  account_id: Values,
  first_name: Values,
  last_name: Values,
  phone: Values,
  description: Values,
  media_url: Values,
});
export type PostBodyType = Partial<Record<keyof typeof PostBody.properties, string[]>>;

/**
 * The end of the path ("json" after "services.", "EC-2026-000123.xml" after "requests/"): a
 * wildcard rather than a parameter, so text of any length still reaches the API and gets the
 * specification's error instead of the router's "parameter too long".
 */
export const RestParams = Type.Object({ "*": Type.String() });

/** The format asked for; an unsupported extension is the specification's 400 "invalid URL". */
export function formatOf(extension: string): Format {
  if (!isFormat(extension))
    throw badRequest({ key: "formatUnsupported", values: { format: extension.slice(0, 20) } });
  return extension;
}

/** "{id}.{format}" from the last path segment: an unsupported format is 400, a missing id too. */
export function resourceOf(file: string, missingKey: string): { id: string; format: Format } {
  const { id, format } = splitResource(file);
  const checked = formatOf(format);
  if (!id) throw badRequest({ key: missingKey });
  return { id, format: checked };
}

/**
 * jurisdiction_id is optional here (one jurisdiction per endpoint), but a different one than ours is
 * the specification's 404 "jurisdiction_id not found".
 */
export function checkJurisdiction(request: FastifyRequest, value: Values) {
  const asked = (one(value) ?? "")
    .trim()
    .toLowerCase()
    .replace(/^www\./, "");
  if (asked && asked !== jurisdictionOf(request.server.config.publicUrl))
    throw notFound("jurisdictionUnknown", { jurisdiction: asked.slice(0, 100) });
}

export function presenterFor(request: FastifyRequest): Presenter {
  const locale = apiLocale(request);
  return { locale, t: translator(locale) };
}

/** Sends a document in the format asked for, in UTF-8, with the language it speaks. */
export function sendDocument(
  reply: FastifyReply,
  document: Document,
  format: Format,
  options: { status?: number; locale: string; cacheSeconds?: number },
) {
  reply.header("content-language", options.locale);
  reply.header(
    "cache-control",
    options.cacheSeconds ? `public, max-age=${options.cacheSeconds}` : "no-store",
  );
  return reply
    .code(options.status ?? 200)
    .type(CONTENT_TYPES[format])
    .send(serialise(document, format));
}
