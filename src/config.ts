import { isIP } from "node:net";
import { resolve } from "node:path";
import Type, { type Static } from "typebox";
import Value from "typebox/value";

/**
 * Every environment variable Sharek reads, with its type, default and meaning.
 * The README's configuration table is checked against this list by a test.
 */
const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal("development"), Type.Literal("production"), Type.Literal("test")], {
    default: "development",
    description:
      "development, production or test. Production refuses unsafe defaults and never seeds demo data.",
  }),
  HOST: Type.String({ default: "localhost", minLength: 1, description: "Address to listen on." }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535, description: "Port to listen on." }),
  PUBLIC_URL: Type.String({
    default: "",
    pattern: "^(https?://[^\\s/]+)?$",
    description:
      "Origin the portal is reached at, e.g. https://sharek.tn (used in mails and feeds). Defaults to http://HOST:PORT.",
  }),
  DATABASE_URL: Type.String({
    default: "",
    pattern: "^(postgres(ql)?://.+)?$",
    description: "PostgreSQL connection string. Unset: embedded PGlite under DATA_DIR.",
  }),
  DATABASE_POOL_MAX: Type.Integer({
    default: 10,
    minimum: 1,
    maximum: 200,
    description: "Size of the PostgreSQL pool.",
  }),
  DATA_DIR: Type.String({
    default: "./data",
    minLength: 1,
    description: "Folder for the embedded database and files.",
  }),
  COOKIE_SECRET: Type.String({
    default: "",
    description:
      "Secret (≥ 32 characters) that signs cookies. Required in production; otherwise generated once and kept in the database.",
  }),
  LOG_LEVEL: Type.Union(
    ["fatal", "error", "warn", "info", "debug", "trace", "silent"].map((l) => Type.Literal(l)),
    { default: "info", description: "pino log level." },
  ),
  METRICS_TOKEN: Type.String({
    default: "",
    description: "Bearer token that unlocks /metrics. Unset: /metrics answers 404.",
  }),
  RATE_LIMIT_MAX: Type.Integer({
    default: 300,
    minimum: 1,
    description: "Requests per minute allowed to one client address on ordinary routes.",
  }),
  SUBMISSION_RATE_LIMIT: Type.Integer({
    default: 20,
    minimum: 1,
    description: "Requests filed per minute allowed to one client address (anonymous submission forms).",
  }),
  OPEN_DATA_LICENCE: Type.String({
    default: "https://creativecommons.org/licenses/by/4.0/",
    pattern: "^https?://.+",
    description:
      "Licence of the open data (a URL), shown in the catalogue and the DCAT-AP metadata. Default: CC BY 4.0.",
  }),
  SOURCE_URL: Type.String({
    default: "https://github.com/sharek-platform/sharek",
    pattern: "^https?://\\S+$",
    description:
      "Where the source code of the running version can be had (AGPL-3.0 section 13), linked from every page's footer. An installation that changes the code must point it to its own changed source.",
  }),
  SOURCE_COMMIT: Type.String({
    default: "",
    pattern: "^([0-9a-f]{7,40})?$",
    description:
      "Commit of the running release, shown beside the version in the footer. Unset: read with git at start-up when the release is a git working tree, otherwise only package.json's version is shown.",
  }),
  TRUST_PROXY: Type.String({
    default: "false",
    description:
      "Which peers are reverse proxies whose X-Forwarded-For and X-Request-Id are believed: false (none), a hop count (1: the peer is the one proxy) or a comma-separated list of proxy addresses/CIDRs (127.0.0.1, 10.0.0.0/8).",
  }),
  SMTP_URL: Type.String({
    default: "",
    pattern: "^(smtps?://.+)?$",
    description:
      "SMTP server for outgoing mail, e.g. smtps://user:pass@mail.example.tn. Unset: mails stay in the outbox.",
  }),
  MAIL_FROM: Type.String({
    default: "Sharek <no-reply@sharek.localhost>",
    minLength: 3,
    description: "Sender of outgoing mail.",
  }),
  SMPP_URL: Type.String({
    default: "",
    pattern: "^(smpps?://.+)?$",
    description:
      "The operator's SMSC for outgoing SMS (SMPP 3.4), e.g. smpp://sysid:pass@smsc.example.tn:2775?source=Sharek (smpps: over TLS; source: the sender shown on phones). Unset: SMS stay in the SMS outbox.",
  }),
  SMPP_RATE: Type.Number({
    default: 10,
    exclusiveMinimum: 0,
    maximum: 10000,
    description:
      "SMS segments submitted per second by each node's SMSC link (the operator's contracted throughput).",
  }),
  OIDC_ISSUER: Type.String({
    default: "",
    pattern: "^(https?://.+)?$",
    description: "Issuer URL of the national e-ID (any OpenID Connect provider). Unset: e-ID sign-in is off.",
  }),
  OIDC_CLIENT_ID: Type.String({ default: "", description: "Client id registered at the e-ID provider." }),
  OIDC_CLIENT_SECRET: Type.String({
    default: "",
    description: "Client secret registered at the e-ID provider.",
  }),
  OIDC_NAME: Type.String({
    default: "e-ID",
    minLength: 1,
    description: "Name of the e-ID service shown on the sign-in button (e.g. Mobile ID).",
  }),
  SEED_DEMO: Type.Boolean({
    default: false,
    description:
      "true: seed demo content (accounts with a published password) on the first start of an empty database. Refused in production.",
  }),
  UPLOAD_CONCURRENCY: Type.Integer({
    default: 10,
    minimum: 1,
    description:
      "Forms with files read at the same time by one process; more get 503 'try again'. Each holds at most its form's files in memory.",
  }),
  BALLOT_MIX_MINIMUM: Type.Integer({
    default: 10,
    minimum: 2,
    maximum: 10_000,
    description:
      "Participatory budgets: how many cast ballots the ballot box holds before they are mixed, in a random order, into the counted ballots while voting is open (each ballot hides among at least that many). All are mixed when voting closes.",
  }),
  SECURITY_CONTACT: Type.String({
    default: "",
    pattern: "^((mailto:|https://)\\S+)?$",
    description:
      "Where to report a vulnerability (mailto: or https: URI), published in /.well-known/security.txt. Unset: that file answers 404.",
  }),
});

export type Env = Static<typeof Env>;
/** TRUST_PROXY read: no proxy, the number of proxy hops in front, or the proxies' addresses and CIDRs. */
export type TrustProxy = false | { hops: number } | { addresses: string[] };
/** SMPP_URL read: where the SMSC is and how Sharek binds to it. */
export interface SmppSettings {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
  /** The sender address shown on phones: alphanumeric (≤ 11 characters) or a number. */
  source: string;
  /** Messages per second (SMPP_RATE). */
  rate: number;
}

export type Config = Env & {
  /** Null when SMPP_URL is unset. */
  smpp: SmppSettings | null;
  dataDir: string;
  publicUrl: string;
  isProduction: boolean;
  trustProxy: TrustProxy;
};

export class ConfigError extends Error {}

/** An IPv4 or IPv6 address, optionally with a /prefix length that fits it. */
function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  const family = isIP(address ?? "");
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** Reads TRUST_PROXY; undefined when it is none of the accepted forms. */
function parseTrustProxy(value: string): TrustProxy | undefined {
  const trimmed = value.trim();
  if (trimmed === "false") return false;
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed) === 0 ? false : { hops: Number(trimmed) };
  const addresses = trimmed.split(",").map((entry) => entry.trim());
  return addresses.every(isAddressOrCidr) ? { addresses } : undefined;
}

/** Reads SMPP_URL; throws a ConfigError saying what is missing. */
export function parseSmppUrl(value: string, rate: number): SmppSettings {
  const fail = (why: string): never => {
    throw new ConfigError(
      `Invalid configuration:\n  SMPP_URL: ${why} (e.g. smpp://sysid:pass@smsc.example.tn:2775?source=Sharek)`,
    );
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail("not a URL");
  }
  const systemId = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const source = url.searchParams.get("source") ?? "";
  if (!url.hostname) fail("no host");
  if (!systemId) fail("no system id (the user part)");
  if (systemId.length > 15) fail("the system id is longer than SMPP's 15 characters");
  if (password.length > 8) fail("the password is longer than SMPP's 8 characters");
  if (!source) fail("no source address (?source=)");
  if (!/^\+?\d{1,20}$/.test(source) && !/^[A-Za-z0-9 ._-]{1,11}$/.test(source))
    fail("the source must be a number or at most 11 letters and digits");
  const tls = url.protocol === "smpps:";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : tls ? 3550 : 2775,
    tls,
    systemId,
    password,
    source,
    rate,
  };
}

export const CONFIG_VARIABLES = Object.entries(Env.properties).map(([name, schema]) => ({
  name,
  description: (schema as { description?: string }).description ?? "",
  default: (schema as { default?: unknown }).default,
}));

/** Reads and checks the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const value = source[key];
    if (value !== undefined && value !== "") raw[key] = value;
  }
  const converted = Value.Convert(Env, Value.Default(Env, raw));
  const errors = [...Value.Errors(Env, converted)];
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const name = e.instancePath.replace(/^\//, "") || "environment";
      return `  ${name}=${JSON.stringify(source[name] ?? "")}: ${e.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join("\n")}`);
  }
  const env = converted as Env;
  const isProduction = env.NODE_ENV === "production";
  if (isProduction && env.COOKIE_SECRET.length < 32) {
    throw new ConfigError(
      "Invalid configuration:\n  COOKIE_SECRET: must be at least 32 characters in production",
    );
  }
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
    throw new ConfigError(
      "Invalid configuration:\n  OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: required when OIDC_ISSUER is set",
    );
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (trustProxy === undefined) {
    throw new ConfigError(
      `Invalid configuration:\n  TRUST_PROXY=${JSON.stringify(env.TRUST_PROXY)}: ${
        env.TRUST_PROXY.trim() === "true"
          ? "true is no longer accepted, as it let any client choose its own address. "
          : ""
      }Give the number of proxies in front of Sharek (1 behind one nginx) or their addresses (127.0.0.1, 10.0.0.0/8), or false`,
    );
  }
  if (isProduction && env.SEED_DEMO) {
    throw new ConfigError(
      "Invalid configuration:\n  SEED_DEMO=true: demo accounts have a published password; never in production",
    );
  }
  if (isProduction && !env.PUBLIC_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  PUBLIC_URL: required in production (e.g. https://sharek.tn)",
    );
  }
  const smpp = env.SMPP_URL ? parseSmppUrl(env.SMPP_URL, env.SMPP_RATE) : null;
  return {
    ...env,
    smpp,
    dataDir: resolve(env.DATA_DIR),
    publicUrl: env.PUBLIC_URL || `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`,
    isProduction,
    trustProxy,
  };
}
