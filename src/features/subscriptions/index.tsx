import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../core/auth/plugin.js";
import { followableOf } from "../../core/features/registry.js";
import { listGovernorates } from "../structures/queries.js";
import { follow, saveNewsletter, settingsFor, unfollow } from "./commands.js";
import { listFollows, listNewsFor, listThemes } from "./queries.js";
import { SubscriptionsPage } from "./views/subscriptions-page.js";

const FollowBody = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  target: Type.Optional(Type.String({ maxLength: 100 })),
  /** Where to go back to (a locale-relative path), e.g. the event page a follow button was on. */
  back: Type.Optional(Type.String({ maxLength: 200 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
type FollowBody = Static<typeof FollowBody>;
/** The newsletter choice; how often news comes by e-mail is on the notification preferences page. */
const SettingsBody = Type.Object({
  newsletter: Type.Optional(Type.String({ maxLength: 10 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
type SettingsBody = Static<typeof SettingsBody>;

/** A locale-relative path of this site, or the subscriptions page. */
const backTo = (back: string | undefined) =>
  back && /^\/[a-z0-9/_-]*$/i.test(back) ? back : "/subscriptions";

/** Following structures, governorates and themes, and the newsletter choice. */
export const subscriptionsFeature: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireAccount);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  app.get("/subscriptions", async (request, reply) => {
    const accountId = request.account!.id;
    return reply.render(
      <SubscriptionsPage
        settings={await settingsFor(app.db, accountId)}
        follows={await listFollows(app.db, followableOf(app.features), accountId)}
        news={await listNewsFor(app.db, accountId)}
        governorates={await listGovernorates(app.db)}
        themes={await listThemes(app.db)}
      />,
    );
  });

  app.post<{ Body: FollowBody }>(
    "/subscriptions/follow",
    { schema: { body: FollowBody } },
    async (request, reply) => {
      const ok = await follow(
        app.db,
        followableOf(app.features),
        request.account!.id,
        request.body.kind ?? "",
        request.body.target ?? "",
      );
      return reply.redirectWithFlash(backTo(request.body.back), {
        kind: ok ? "success" : "info",
        message: ok ? "subscriptions.flash.followed" : "subscriptions.flash.unknown",
      });
    },
  );

  app.post<{ Body: FollowBody }>(
    "/subscriptions/unfollow",
    { schema: { body: FollowBody } },
    async (request, reply) => {
      await unfollow(app.db, request.account!.id, request.body.kind ?? "", request.body.target ?? "");
      return reply.redirectWithFlash(backTo(request.body.back), {
        kind: "success",
        message: "subscriptions.flash.unfollowed",
      });
    },
  );

  app.post<{ Body: SettingsBody }>(
    "/subscriptions/settings",
    { schema: { body: SettingsBody } },
    async (request, reply) => {
      await saveNewsletter(app.db, request.account!.id, request.body);
      return reply.redirectWithFlash("/subscriptions", {
        kind: "success",
        message: "subscriptions.flash.saved",
      });
    },
  );
};
