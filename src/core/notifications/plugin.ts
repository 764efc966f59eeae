import fp from "fastify-plugin";
import { isLocale } from "../i18n/localized.js";
import { countUnread } from "./notify.js";

declare module "fastify" {
  interface FastifyRequest {
    /** How many notifications the signed-in person has not read (pages only; 0 otherwise). */
    unreadNotifications: number;
  }
}

/**
 * Counts a signed-in person's unread notifications before a page is read, for the header's badge:
 * one indexed count, only on pages (GET under a language), never for anonymous visitors.
 */
export const notificationsPlugin = fp(
  async (app) => {
    app.decorateRequest("unreadNotifications", 0);
    app.addHook("onRequest", async (request) => {
      if (!request.account || (request.method !== "GET" && request.method !== "HEAD")) return;
      if (!isLocale(request.url.slice(1, 3)) || !/^\/..(\/|\?|$)/.test(request.url)) return;
      request.unreadNotifications = await countUnread(app.db, request.account.id);
    });
  },
  { name: "sharek-notifications", dependencies: ["sharek-auth"] },
);
