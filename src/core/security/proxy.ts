import { BlockList, isIP } from "node:net";
import type { TrustProxy } from "../../config.js";

/** Whether the address at this hop (0: the peer itself, then X-Forwarded-For from the right) is one of our proxies. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as one function, for the client address (Fastify's request.ip walks X-Forwarded-For
 * from the right while each hop is trusted: a client can write what it likes to the left, never
 * past the entry our own proxy appended) and for the request id a proxy may pass on.
 */
export function proxyTrust(trust: TrustProxy): ProxyTrust {
  if (trust === false) return () => false;
  if ("hops" in trust) return (_address, hop) => hop < trust.hops;
  const proxies = new BlockList();
  for (const entry of trust.addresses) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) proxies.addAddress(address, family);
    else proxies.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    // An IPv4 peer on a dual-stack socket reads ::ffff:127.0.0.1.
    const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
    const family = isIP(plain);
    return family !== 0 && proxies.check(plain, family === 4 ? "ipv4" : "ipv6");
  };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request id: the one our proxy passed on in X-Request-Id when the peer is a trusted proxy and
 * the id is plain, so a line in its log and in ours match; otherwise a fresh UUID. A client talking
 * to Sharek directly never picks its own.
 */
export function requestIdGenerator(trust: ProxyTrust, fresh: () => string) {
  return (raw: {
    headers: Record<string, string | string[] | undefined>;
    socket?: { remoteAddress?: string };
  }) => {
    const given = raw.headers["x-request-id"];
    const peer = raw.socket?.remoteAddress;
    return typeof given === "string" && REQUEST_ID.test(given) && peer !== undefined && trust(peer, 0)
      ? given
      : fresh();
  };
}
