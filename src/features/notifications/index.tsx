import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../core/auth/plugin.js";
import { NotFoundError } from "../../core/errors/app-error.js";
import { notificationKindsOf } from "../../core/features/registry.js";
import { choiceFor, kindsShownTo, saveChoices } from "../../core/notifications/preferences.js";
import { markAllRead, markRead } from "./commands.js";
import { listNotifications } from "./queries.js";
import { NotificationsPage } from "./views/notifications-page.js";
import { PreferencesPage } from "./views/preferences-page.js";

const ListQuery = Type.Object({
  /** Older than this notification (keyset paging); anything else reads as the newest page. */
  before: Type.Optional(Type.String({ maxLength: 60 })),
});
const ReadParams = Type.Object({ lang: Type.String(), id: Type.String({ format: "uuid" }) });
/** The preferences form: each kind's channels (checkboxes) and rhythm, by "<kind>.channels" and "<kind>.frequency". */
const PreferencesBody = Type.Record(
  Type.String({ maxLength: 60 }),
  Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5 })]),
);
const CsrfBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in person's notification centre (/notifications): read, mark read, mark all read. */
export const notificationsFeature: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireAccount);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });
  const kinds = new Map(notificationKindsOf(app.features).map((k) => [k.id, k]));

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    "/notifications",
    { schema: { querystring: ListQuery } },
    async (request, reply) => {
      const before = UUID.test(request.query.before ?? "") ? request.query.before : undefined;
      const { items, more } = await listNotifications(app.db, request.account!.id, before);
      return reply.render(
        <NotificationsPage
          items={items}
          more={more}
          unread={request.unreadNotifications}
          kinds={kinds}
          paged={before !== undefined}
        />,
      );
    },
  );

  app.post<{ Params: Static<typeof ReadParams> }>(
    "/notifications/:id/read",
    { schema: { params: ReadParams, body: CsrfBody } },
    async (request, reply) => {
      if (!(await markRead(app.db, request.account!.id, request.params.id))) throw new NotFoundError();
      return reply.redirectWithFlash("/notifications", {
        kind: "success",
        message: "notifications.flash.read",
      });
    },
  );

  /** Each kind offered to the person (staff kinds to staff only), with their choice for it. */
  const choicesOf = (request: FastifyRequest) =>
    Promise.all(
      kindsShownTo(kinds.values(), request.actor).map(async (kind) => ({
        kind,
        choice: await choiceFor(app.db, request.account!.id, kind),
      })),
    );

  app.get("/notifications/preferences", async (request, reply) =>
    reply.render(<PreferencesPage kinds={await choicesOf(request)} />),
  );

  app.post<{ Body: Static<typeof PreferencesBody> }>(
    "/notifications/preferences",
    { schema: { body: PreferencesBody } },
    async (request, reply) => {
      const accountId = request.account!.id;
      const shown = kindsShownTo(kinds.values(), request.actor);
      if (await app.db.transaction((tx) => saveChoices(tx, accountId, shown, request.body)))
        return reply.redirectWithFlash("/notifications/preferences", {
          kind: "success",
          message: "notifications.preferences.saved",
        });
      return reply.render(<PreferencesPage kinds={await choicesOf(request)} error />, 422);
    },
  );

  app.post("/notifications/read-all", { schema: { body: CsrfBody } }, async (request, reply) => {
    await markAllRead(app.db, request.account!.id);
    return reply.redirectWithFlash("/notifications", {
      kind: "success",
      message: "notifications.flash.allRead",
    });
  });
};
