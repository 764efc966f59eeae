import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // Every module's tables.ts: a new feature's tables are found without editing a list.
  schema: ["./src/core/**/tables.ts", "./src/features/**/tables.ts"],
  out: process.env.DRIZZLE_OUT ?? "./src/db/migrations",
});
