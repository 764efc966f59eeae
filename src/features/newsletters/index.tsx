import { desc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireStaff } from "../../core/auth/plugin.js";
import { type Actor, scopeOf } from "../../core/authz/actor.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { followableOf } from "../../core/features/registry.js";
import { type FieldErrors, formSchema } from "../../core/forms.js";
import { isUuid } from "../../core/ids.js";
import { structures } from "../../core/structures/tables.js";
import { listGovernorates } from "../structures/queries.js";
import { changeContext } from "../structures/routes/load.js";
import { unsubscribeNewsletters } from "../subscriptions/commands.js";
import { listThemes } from "../subscriptions/queries.js";
import { countAudience } from "./audience.js";
import { createNewsletter, type NewsletterField, requestSend } from "./commands.js";
import { newsletters } from "./tables.js";
import {
  NewsletterFormPage,
  NewsletterPreviewPage,
  NewslettersPage,
  UnsubscribePage,
} from "./views/pages.js";

const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
type IdParams = Static<typeof IdParams>;
const TokenParams = Type.Object({ lang: Type.String(), token: Type.String({ maxLength: 100 }) });
type TokenParams = Static<typeof TokenParams>;
const NewsletterBody = formSchema({
  structureId: 100,
  subject: 2000,
  body: 200_000,
  segment: 40,
  segmentValue: 100,
});
type NewsletterBody = Partial<Record<NewsletterField | "_csrf", string>>;
/** RFC 8058's one-click body is "List-Unsubscribe=One-Click"; a person's button sends nothing. */
const OneClickBody = Type.Optional(
  Type.Object(
    { "List-Unsubscribe": Type.Optional(Type.String({ maxLength: 40 })) },
    { additionalProperties: true },
  ),
);

/** Platform admins write for the platform (and any structure); structure admins for their own structures. */
function senders(actor: Actor): "all" | string[] {
  return scopeOf(actor, "structure_admin");
}

/** Newsletters: written by admins to segments of opted-in people, previewed, then sent in batches. */
export const newslettersFeature: FastifyPluginAsync = async (app) => {
  app.get<{ Params: TokenParams }>(
    "/newsletters/unsubscribe/:token",
    { schema: { params: TokenParams } },
    async (request, reply) => {
      reply.noStore();
      return reply.render(<UnsubscribePage token={request.params.token} done={null} />);
    },
  );

  // The token in the address is the credential: no session, so no CSRF token (RFC 8058 §3).
  app.post<{ Params: TokenParams }>(
    "/newsletters/unsubscribe/:token",
    { schema: { params: TokenParams, body: OneClickBody }, config: { csrf: false } },
    async (request, reply) => {
      const done = await unsubscribeNewsletters(app.db, request.params.token);
      reply.noStore();
      return reply.render(<UnsubscribePage token={request.params.token} done={done} />, done ? 200 : 404);
    },
  );

  await app.register(async (admin) => {
    admin.addHook("preHandler", requireStaff);
    admin.addHook("onSend", async (_request, reply) => {
      reply.noStore();
    });
    const scopeOf = (request: FastifyRequest) => {
      const scope = senders(request.actor);
      if (scope !== "all" && scope.length === 0) throw new ForbiddenError();
      return scope;
    };
    const load = async (request: FastifyRequest, id: string) => {
      const scope = scopeOf(request);
      if (!isUuid(id)) throw new NotFoundError();
      const [n] = await app.db.select().from(newsletters).where(eq(newsletters.id, id));
      if (!n || (scope !== "all" && !(n.structureId && scope.includes(n.structureId))))
        throw new NotFoundError();
      return n;
    };
    const senderOptions = async (scope: "all" | string[]) => {
      const rows = await app.db
        .select({ id: structures.id, name: structures.name })
        .from(structures)
        .where(scope === "all" ? isNull(structures.retiredAt) : inArray(structures.id, scope))
        .orderBy(structures.code);
      return scope === "all" ? [{ id: "platform", name: null }, ...rows] : rows;
    };
    const form = async (
      request: FastifyRequest,
      values: NewsletterBody,
      errors?: FieldErrors<NewsletterField>,
    ) => (
      <NewsletterFormPage
        values={values}
        errors={errors}
        senders={await senderOptions(scopeOf(request))}
        governorates={await listGovernorates(app.db)}
        themes={await listThemes(app.db)}
      />
    );

    admin.get("/admin/newsletters", async (request, reply) => {
      const scope = scopeOf(request);
      const list = await app.db
        .select()
        .from(newsletters)
        .where(scope === "all" ? undefined : inArray(newsletters.structureId, scope))
        .orderBy(desc(newsletters.createdAt))
        .limit(100);
      return reply.render(<NewslettersPage list={list} />);
    });

    admin.get("/admin/newsletters/new", async (request, reply) =>
      reply.render(await form(request, { segment: "all" })),
    );

    admin.post<{ Body: NewsletterBody }>(
      "/admin/newsletters/new",
      { schema: { body: NewsletterBody } },
      async (request, reply) => {
        const scope = scopeOf(request);
        const allowed = new Set((await senderOptions(scope)).map((s) => s.id));
        const result = await createNewsletter(
          app.db,
          request.body,
          allowed,
          followableOf(app.features),
          changeContext(request),
        );
        if (!result.ok) return reply.render(await form(request, request.body, result.errors), 422);
        return reply.redirectWithFlash(`/admin/newsletters/${result.value.id}`, {
          kind: "success",
          message: "newsletters.flash.drafted",
        });
      },
    );

    admin.get<{ Params: IdParams }>(
      "/admin/newsletters/:id",
      { schema: { params: IdParams } },
      async (request, reply) => {
        const n = await load(request, request.params.id);
        const [sender] = n.structureId
          ? await app.db
              .select({ name: structures.name })
              .from(structures)
              .where(eq(structures.id, n.structureId))
          : [];
        return reply.render(
          <NewsletterPreviewPage
            newsletter={n}
            audience={n.status === "draft" ? await countAudience(app.db, n) : n.recipients}
            sender={sender?.name ?? null}
          />,
        );
      },
    );

    admin.post<{ Params: IdParams }>(
      "/admin/newsletters/:id/send",
      { schema: { params: IdParams, body: formSchema({}) } },
      async (request, reply) => {
        const n = await load(request, request.params.id);
        const sent = await requestSend(app.db, n, changeContext(request));
        return reply.redirectWithFlash(`/admin/newsletters/${n.id}`, {
          kind: sent ? "success" : "info",
          message: sent ? "newsletters.flash.sending" : "newsletters.flash.alreadySent",
        });
      },
    );
  });
};
