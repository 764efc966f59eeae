import { randomBytes } from "node:crypto";

/** Prepares the run's template database once, and drops every test database at the end. */
export default async function setup() {
  process.env.SHAREK_TEST_RUN ??= `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const { prepareTemplate, dropRunDatabases } = await import("./databases.js");
  await dropRunDatabases();
  await prepareTemplate();
  return async () => {
    await dropRunDatabases();
  };
}
