// Every module's tables, gathered for drizzle and drizzle-kit. A new module adds its tables.ts here.
export * from "../core/audit/tables.js";
export * from "../core/auth/tables.js";
export * from "../core/authz/tables.js";
export * from "../core/mail/tables.js";
export * from "../core/settings/tables.js";
export * from "../features/accounts/tables.js";
export * from "../features/calendar/tables.js";
export * from "../features/cases/staff/tables.js";
export * from "../features/cases/tables.js";
export * from "../features/events/tables.js";
export * from "../features/help/tables.js";
export * from "../features/integrity/tables.js";
export * from "../features/newsletters/tables.js";
export * from "../features/open311/tables.js";
export * from "../features/structures/tables.js";
export * from "../features/subscriptions/tables.js";
export * from "../features/widgets/tables.js";
