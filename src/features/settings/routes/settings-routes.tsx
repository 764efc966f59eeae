import type { FastifyPluginAsync } from "fastify";
import { requirePlatformAdmin } from "../../../core/auth/plugin.js";
import { formSchema } from "../../../core/forms.js";
import { type SettingsInput, updateSettings } from "../commands/update-settings.js";
import { getPlatformSettings } from "../queries.js";
import { SettingsPage } from "../views/settings-page.js";

const SettingsBody = formSchema({ contactEmail: 300, signUpOpen: 10, reopenWindowDays: 10 });

/** Platform admins only: the platform-wide settings. */
export const settingsRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });

  app.get("/admin/settings", { preHandler: requirePlatformAdmin }, async (_request, reply) => {
    const settings = await getPlatformSettings(app.db);
    const values: SettingsInput = {
      contactEmail: settings.contactEmail ?? "",
      signUpOpen: settings.signUpOpen ? "yes" : "no",
      reopenWindowDays: String(settings.reopenWindowDays),
    };
    return reply.render(<SettingsPage values={values} />);
  });

  app.post<{ Body: SettingsInput }>(
    "/admin/settings",
    { preHandler: requirePlatformAdmin, schema: { body: SettingsBody } },
    async (request, reply) => {
      const result = await updateSettings(app.db, request.body, {
        actorId: request.actor.accountId,
        request,
      });
      if (result.ok)
        return reply.redirectWithFlash("/admin/settings", {
          kind: "success",
          message: "settings.flash.saved",
        });
      return reply.render(<SettingsPage values={request.body} errors={result.errors} />, 422);
    },
  );
};
