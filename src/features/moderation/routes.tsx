import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount, requirePlatformAdmin, requireStaff } from "../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { moderationOf } from "../../core/features/registry.js";
import { formSchema } from "../../core/forms.js";
import { isUuid } from "../../core/ids.js";
import { submissionLimit } from "../../core/security/submission-limit.js";
import { blockAccount, flagItem, moderateItem } from "./commands/moderate.js";
import { updateModerationRules } from "./commands/update-rules.js";
import { ModeratedKinds } from "./kinds.js";
import { canModerate } from "./policy.js";
import { findCaseFile, listQueue } from "./queries.js";
import { getModerationRules } from "./rules.js";
import { FlagPage } from "./views/flag-page.js";
import { ItemPage } from "./views/item-page.js";
import { QueuePage } from "./views/queue-page.js";
import { type RulesField, RulesPage } from "./views/rules-page.js";

const ItemParams = Type.Object({
  lang: Type.String(),
  kind: Type.String({ maxLength: 40 }),
  id: Type.String({ maxLength: 40 }),
});
const AccountParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 40 }) });
const QueueQuery = Type.Object({ kind: Type.Optional(Type.String({ maxLength: 40 })) });
const BlockQuery = Type.Object({ from: Type.Optional(Type.String({ maxLength: 100 })) });
const FlagBody = formSchema({ reason: 40, note: 2000 });
const DecisionBody = formSchema({ decision: 20, reason: 2000 });
const BlockBody = formSchema({ days: 10, reason: 2000 });
const RulesBody = formSchema({ newAccountDays: 10, burstMax: 10, burstMinutes: 10, words: 50_000 });

/** Moderators only (after the staff checks: sign-in, TOTP). */
async function requireModerator(request: FastifyRequest, reply: Parameters<typeof requireStaff>[1]) {
  await requireStaff(request, reply);
  if (reply.sent) return;
  if (!canModerate(request.actor)) throw new ForbiddenError();
}

/**
 * Moderation of all public text: flags from signed-in people, the moderators' queue and decisions
 * (hide, restore, dismiss), account blocks, and the automatic hold's rules. The kinds of text it
 * looks after are those the features' manifests declare (`moderation`).
 */
export const moderationFeature: FastifyPluginAsync = async (app) => {
  const declared = moderationOf(app.features);
  const kinds = new ModeratedKinds(declared);
  const labels = Object.fromEntries(declared.map((k) => [k.kind, k.labelKey]));
  const ctx = (request: FastifyRequest) => ({ db: app.db, publicUrl: app.config.publicUrl, request });
  const load = async (params: { kind: string; id: string }) => {
    const item = await kinds.loadOne(app.db, params.kind, params.id);
    if (!item) throw new NotFoundError();
    return item;
  };
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });
  const flagLimit = submissionLimit(app);

  app.get(
    "/flag/:kind/:id",
    { schema: { params: ItemParams }, preHandler: requireAccount },
    async (request, reply) => {
      const params = request.params as Static<typeof ItemParams>;
      const item = await load(params);
      return reply.render(<FlagPage kind={params.kind} item={item} />);
    },
  );

  app.post(
    "/flag/:kind/:id",
    { schema: { params: ItemParams, body: FlagBody }, preHandler: requireAccount, config: flagLimit },
    async (request, reply) => {
      const params = request.params as Static<typeof ItemParams>;
      const item = await load(params);
      const body = request.body as Record<string, string>;
      const result = await flagItem(
        ctx(request),
        kinds,
        { ...body, kind: params.kind, itemId: item.id },
        request.account!.id,
      );
      if (!result.ok)
        return reply.render(
          <FlagPage kind={params.kind} item={item} errors={result.errors} values={body} />,
          422,
        );
      return reply.redirectWithFlash(item.path, { kind: "success", message: "moderation.flash.flagged" });
    },
  );

  app.get(
    "/moderation",
    { schema: { querystring: QueueQuery }, preHandler: requireModerator },
    async (request, reply) => {
      const { kind } = request.query as Static<typeof QueueQuery>;
      const selected = kind && kinds.get(kind) ? kind : undefined;
      const queue = await listQueue(app.db, kinds, selected);
      return reply.render(<QueuePage {...queue} labels={labels} kind={selected} />);
    },
  );

  app.get(
    "/moderation/items/:kind/:id",
    { schema: { params: ItemParams }, preHandler: requireModerator },
    async (request, reply) => {
      const params = request.params as Static<typeof ItemParams>;
      const item = await load(params);
      const file = await findCaseFile(app.db, params.kind, item);
      return reply.render(
        <ItemPage kind={params.kind} label={labels[params.kind]!} item={item} file={file} />,
      );
    },
  );

  app.post(
    "/moderation/items/:kind/:id",
    { schema: { params: ItemParams, body: DecisionBody }, preHandler: requireModerator },
    async (request, reply) => {
      const params = request.params as Static<typeof ItemParams>;
      const item = await load(params);
      const body = request.body as Record<string, string>;
      const result = await moderateItem(
        ctx(request),
        kinds,
        { ...body, kind: params.kind, itemId: item.id },
        request.account!.id,
      );
      if (!result.ok) {
        const file = await findCaseFile(app.db, params.kind, item);
        return reply.render(
          <ItemPage
            kind={params.kind}
            label={labels[params.kind]!}
            item={item}
            file={file}
            errors={result.errors}
            values={body}
          />,
          422,
        );
      }
      return reply.redirectWithFlash("/moderation", { kind: "success", message: "moderation.flash.decided" });
    },
  );

  app.post(
    "/moderation/accounts/:id/block",
    {
      schema: { params: AccountParams, querystring: BlockQuery, body: BlockBody },
      preHandler: requireModerator,
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof AccountParams>;
      if (!isUuid(id)) throw new NotFoundError();
      const [fromKind, fromId] = ((request.query as Static<typeof BlockQuery>).from ?? "").split("/");
      const item = fromKind && fromId ? await kinds.loadOne(app.db, fromKind, fromId) : null;
      // A block is decided from an item its author wrote: anything else is a forged address.
      if (!item || item.authorId !== id) throw new NotFoundError();
      const result = await blockAccount(
        ctx(request),
        { ...(request.body as Record<string, string>), accountId: id },
        request.account!.id,
      );
      if (!result.ok) {
        const file = await findCaseFile(app.db, fromKind!, item);
        return reply.render(
          <ItemPage
            kind={fromKind!}
            label={labels[fromKind!]!}
            item={item}
            file={file}
            blockErrors={result.errors}
          />,
          422,
        );
      }
      return reply.redirectWithFlash(`/moderation/items/${fromKind}/${item.id}`, {
        kind: "success",
        message: "moderation.flash.blocked",
      });
    },
  );

  app.get("/admin/moderation", { preHandler: requirePlatformAdmin }, async (_request, reply) => {
    const rules = await getModerationRules(app.db);
    return reply.render(
      <RulesPage
        values={{
          newAccountDays: String(rules.newAccountDays),
          burstMax: String(rules.burstMax),
          burstMinutes: String(rules.burstMinutes),
          words: rules.words.join("\n"),
        }}
      />,
    );
  });

  app.post(
    "/admin/moderation",
    { schema: { body: RulesBody }, preHandler: requirePlatformAdmin },
    async (request, reply) => {
      const body = request.body as Record<RulesField, string>;
      const result = await updateModerationRules(app.db, body, request);
      if (!result.ok) return reply.render(<RulesPage values={body} errors={result.errors} />, 422);
      return reply.redirectWithFlash("/admin/moderation", {
        kind: "success",
        message: "moderation.flash.rulesSaved",
      });
    },
  );
};
