import type { FastifyReply, FastifyRequest } from "fastify";
import { isLocale, type Locale } from "../../core/i18n/localized.js";
import { CALLBACK_PATH, type FlowSecrets } from "./oidc-client.js";

/**
 * The flow's secrets travel in a short-lived cookie signed with the cookie secret, sent only to the
 * callback: any node can finish a flow that another node started, and nothing is trusted from the
 * provider's query string but the code itself.
 */
export const FLOW_COOKIE = "eid_flow";
export const FLOW_TTL_MS = 10 * 60 * 1000;

export interface Flow extends FlowSecrets {
  locale: Locale;
  /** Where to go once signed in: a local path, checked when the flow started. */
  next: string;
  expiresAt: number;
}

export function setFlowCookie(reply: FastifyReply, flow: Flow): void {
  reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), {
    path: CALLBACK_PATH,
    httpOnly: true,
    sameSite: "lax",
    secure: reply.server.config.isProduction,
    signed: true,
    maxAge: FLOW_TTL_MS / 1000,
  });
}

export function clearFlowCookie(reply: FastifyReply): void {
  reply.clearCookie(FLOW_COOKIE, { path: CALLBACK_PATH });
}

/**
 * The flow this browser started: "missing" when there is none (never started here, or the cookie
 * has already lapsed), "invalid" when its signature does not hold, "expired" when too old.
 */
export function readFlowCookie(
  request: FastifyRequest,
): { ok: true; flow: Flow } | { ok: false; reason: "missing" | "invalid" | "expired"; locale?: Locale } {
  const raw = request.cookies[FLOW_COOKIE];
  if (!raw) return { ok: false, reason: "missing" };
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return { ok: false, reason: "invalid" };
  let flow: Partial<Flow>;
  try {
    flow = JSON.parse(unsigned.value) as Partial<Flow>;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const complete =
    typeof flow.codeVerifier === "string" &&
    typeof flow.state === "string" &&
    typeof flow.nonce === "string" &&
    typeof flow.next === "string" &&
    typeof flow.expiresAt === "number" &&
    isLocale(flow.locale);
  if (!complete) return { ok: false, reason: "invalid" };
  if (flow.expiresAt! < Date.now()) return { ok: false, reason: "expired", locale: flow.locale };
  return { ok: true, flow: flow as Flow };
}
