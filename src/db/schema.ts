// Every module's tables, gathered for drizzle and drizzle-kit. A new module adds its tables.ts here.
export * from "../core/settings/tables.js";
export * from "../features/structures/tables.js";
