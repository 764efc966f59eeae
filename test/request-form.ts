import type { FastifyInstance } from "fastify";
import type { Agent } from "./app.js";
import { multipart } from "./multipart.js";

/**
 * Sends the citizen's request form as a browser does: opens the form of `fields.type` at
 * `fields.structure` (for its CSRF token and submission key), then posts `fields` as multipart.
 */
export async function sendRequestForm(
  app: FastifyInstance,
  agent: Agent,
  lang: string,
  fields: Record<string, string> & { type: string; structure: string },
  files: Parameters<typeof multipart>[1] = [],
) {
  const form = await agent.get(`/${lang}/requests/new?type=${fields.type}&structure=${fields.structure}`);
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form.body)?.[1] ?? "";
  const { payload, contentType } = multipart(
    { ...fields, submissionKey: hidden("submissionKey"), _csrf: hidden("_csrf") },
    files,
  );
  return app.inject({
    method: "POST",
    url: `/${lang}/requests`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}
