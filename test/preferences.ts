import type { Agent } from "./app.js";

/**
 * Saves notification preferences as a person would on their preferences page: opens it, keeps
 * every choice it shows as it is (checked boxes and radios), changes these fields, and posts it.
 */
export async function savePreferences(
  agent: Agent,
  lang: string,
  changes: Record<string, string | string[]>,
) {
  const page = await agent.get(`/${lang}/notifications/preferences`);
  if (page.statusCode !== 200) throw new Error(`preferences page answered ${page.statusCode}`);
  const form: Record<string, string | string[]> = {};
  for (const [tag] of page.body.matchAll(/<input\b[^>]*>/g)) {
    const type = /\stype="(checkbox|radio)"/.exec(tag)?.[1];
    const name = /\sname="([^"]+)"/.exec(tag)?.[1];
    const value = /\svalue="([^"]+)"/.exec(tag)?.[1];
    if (!type || !name || !value || !/\schecked(?=[\s>/])/.test(tag)) continue;
    if (type === "radio") form[name] = value;
    else form[name] = [...[form[name] ?? []].flat(), value];
  }
  return agent.post(`/${lang}/notifications/preferences`, { ...form, ...changes });
}
