import { expect } from "vitest";
import type { Agent, TestApp } from "../../../test/app.js";
import { multipart } from "../../../test/multipart.js";

/** Submits an idea through the form as a browser would (the form page first, for its one-time key). */
export async function submitIdeaAs(
  { app }: TestApp,
  agent: Agent,
  fields: Record<string, string>,
  files: Parameters<typeof multipart>[1] = [],
  lang = "en",
) {
  const page = await agent.get(`/${lang}/ideas/new`);
  expect(page.statusCode).toBe(200);
  const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(page.body)![1]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const { payload, contentType } = multipart({ submissionKey, _csrf: csrf, ...fields }, files);
  return app.inject({
    method: "POST",
    url: `/${lang}/ideas`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

/** The idea id a submission redirected to. */
export const ideaIdOf = (location: unknown) => /\/ideas\/([0-9a-f-]{36})/.exec(String(location))![1]!;
