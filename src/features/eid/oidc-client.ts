import * as oidc from "openid-client";
import type { Config } from "../../config.js";

/** Where the provider sends people back; registered at the provider exactly like this. */
export const CALLBACK_PATH = "/auth/eid/callback";
const SCOPE = "openid email profile";
const DISCOVERY_TTL_MS = 3600_000;

export type EidConfig = Pick<
  Config,
  "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "publicUrl" | "isProduction"
>;

/** Why a sign-in through the e-ID did not complete; each has its own explanation page. */
export type EidFailure = "denied" | "invalid" | "expired" | "failed" | "unavailable";
export const EID_FAILURES: readonly EidFailure[] = ["denied", "invalid", "expired", "failed", "unavailable"];

export class EidFlowError extends Error {
  constructor(
    readonly reason: EidFailure,
    /** A code for the log: the library's error code or the provider's error, never a token. */
    readonly logCode: string,
  ) {
    super(`e-ID sign-in failed: ${reason}`);
    this.name = "EidFlowError";
  }
}

export function eidEnabled(config: Pick<Config, "OIDC_ISSUER">): boolean {
  return config.OIDC_ISSUER !== "";
}

export function redirectUri(config: Pick<Config, "publicUrl">): string {
  return `${config.publicUrl}${CALLBACK_PATH}`;
}

const discovered = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

/**
 * The provider's metadata, discovered once an hour per issuer and client. Plain-HTTP issuers are
 * accepted outside production only (a provider on localhost in development and tests).
 */
function clientConfiguration(config: EidConfig): Promise<oidc.Configuration> {
  const key = [config.OIDC_ISSUER, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET].join("\u0000");
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const configuration = discover(config);
  discovered.set(key, { at: Date.now(), configuration });
  configuration.catch(() => discovered.delete(key));
  return configuration;
}

async function discover(config: EidConfig): Promise<oidc.Configuration> {
  const insecure = !config.isProduction && new URL(config.OIDC_ISSUER).protocol === "http:";
  const execute = insecure ? [oidc.allowInsecureRequests] : [];
  const found = await oidc.discovery(
    new URL(config.OIDC_ISSUER),
    config.OIDC_CLIENT_ID,
    undefined,
    undefined,
    {
      execute,
      timeout: 10,
    },
  );
  const metadata = found.serverMetadata();
  // OpenID Connect's default client authentication is client_secret_basic; some providers only
  // accept client_secret_post.
  const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  const auth =
    !methods.includes("client_secret_basic") && methods.includes("client_secret_post")
      ? oidc.ClientSecretPost(config.OIDC_CLIENT_SECRET)
      : oidc.ClientSecretBasic(config.OIDC_CLIENT_SECRET);
  const configuration = new oidc.Configuration(metadata, config.OIDC_CLIENT_ID, undefined, auth);
  for (const run of execute) run(configuration);
  configuration.timeout = 10;
  return configuration;
}

/** What must be kept between the redirect to the provider and its answer. */
export interface FlowSecrets {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** Builds the provider's authorization URL for a new flow (PKCE S256, state and nonce). */
export async function startAuthorization(
  config: EidConfig,
  uiLocale: string,
): Promise<{ url: URL; secrets: FlowSecrets }> {
  const configuration = await clientConfiguration(config).catch((error: unknown) => {
    throw failureOf(error);
  });
  const secrets = {
    codeVerifier: oidc.randomPKCECodeVerifier(),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
  };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(config),
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: "S256",
    state: secrets.state,
    nonce: secrets.nonce,
    ui_locales: uiLocale,
  });
  return { url, secrets };
}

/** The person as the provider vouches for them. */
export interface EidClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * Checks the provider's answer (state, then the code exchange with the PKCE verifier, then the ID
 * token's signature, audience and nonce) and returns who signed in. Claims missing from the ID token
 * are read from the UserInfo endpoint, as many providers only put them there.
 */
export async function completeAuthorization(
  config: EidConfig,
  callbackUrl: URL,
  secrets: FlowSecrets,
): Promise<EidClaims> {
  try {
    const configuration = await clientConfiguration(config);
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: secrets.codeVerifier,
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new EidFlowError("invalid", "no_id_token");
    let claims: Record<string, unknown> = idToken;
    const userinfo = configuration.serverMetadata().userinfo_endpoint;
    if ((idToken.email === undefined || idToken.name === undefined) && userinfo) {
      claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
    }
    return {
      issuer: idToken.iss,
      subject: idToken.sub,
      email: typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim() : null,
      emailVerified: claims.email_verified === true || claims.email_verified === "true",
      name: displayNameOf(claims),
    };
  } catch (error) {
    throw failureOf(error);
  }
}

function displayNameOf(claims: Record<string, unknown>): string | null {
  const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const name =
    str(claims.name) || [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ");
  return name ? name.slice(0, 120) : null;
}

/** Sorts what went wrong into what the person is told; keeps only a code for the log. */
function failureOf(error: unknown): EidFlowError {
  if (error instanceof EidFlowError) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    return new EidFlowError(error.error === "access_denied" ? "denied" : "failed", error.error);
  }
  if (error instanceof oidc.ResponseBodyError) {
    // An expired or already used code: starting again is the remedy.
    return new EidFlowError(error.error === "invalid_grant" ? "expired" : "failed", error.error);
  }
  if (error instanceof oidc.ClientError) {
    const code = error.code ?? "client_error";
    const unreachable = code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || code === "OAUTH_RESPONSE_IS_NOT_JSON";
    return new EidFlowError(unreachable ? "unavailable" : "invalid", code);
  }
  // fetch() failing (provider down, DNS, timeout) surfaces as a TypeError or an AbortError.
  const name = (error as { name?: string })?.name ?? "unknown";
  if (error instanceof TypeError || name === "AbortError" || name === "TimeoutError") {
    return new EidFlowError("unavailable", name);
  }
  return new EidFlowError("failed", name);
}
