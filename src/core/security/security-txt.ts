import { readFileSync } from "node:fs";
import type { FastifyPluginAsync } from "fastify";

/** SECURITY.md, beside the sources (src/core/security → the repository root) and in dist/ alike. */
const POLICY = readFileSync(new URL("../../../SECURITY.md", import.meta.url), "utf8");

/** How long a security.txt stays valid: RFC 9116 asks for less than a year; it is renewed at each start. */
const VALIDITY_DAYS = 180;

/**
 * /.well-known/security.txt (RFC 9116): where to report a vulnerability (SECURITY_CONTACT; without
 * one, 404), in which languages, and the policy, SECURITY.md, served at /.well-known/security-policy.
 */
export const securityTxtRoutes: FastifyPluginAsync = async (app) => {
  const { SECURITY_CONTACT: contact, publicUrl } = app.config;
  const expires = new Date(Date.now() + VALIDITY_DAYS * 86_400_000);
  expires.setUTCMilliseconds(0);
  const body = [
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString().replace(".000Z", "Z")}`,
    "Preferred-Languages: ar, fr, en",
    `Canonical: ${publicUrl}/.well-known/security.txt`,
    `Policy: ${publicUrl}/.well-known/security-policy`,
    "",
  ].join("\n");

  app.get("/.well-known/security.txt", async (_request, reply) => {
    if (!contact) return reply.callNotFound();
    return reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=86400")
      .send(body);
  });
  app.get("/.well-known/security-policy", async (_request, reply) =>
    reply.type("text/markdown; charset=utf-8").header("cache-control", "public, max-age=86400").send(POLICY),
  );
};
