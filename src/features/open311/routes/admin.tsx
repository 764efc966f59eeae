import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requirePlatformAdmin } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema } from "../../../core/forms.js";
import { type ClientInput, createClient } from "../commands/create-client.js";
import { revokeClient } from "../commands/revoke-client.js";
import { canOpen311, type Open311Action } from "../policy.js";
import { findClient, listClients } from "../queries.js";
import { ClientsPage } from "../views/clients-page.js";
import { KeyCreatedPage, RevokePage } from "../views/key-pages.js";

const ClientBody = formSchema({ name: 400, contactEmail: 300 });
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
type IdRequest = FastifyRequest<{ Params: Static<typeof IdParams> }>;

/** Platform admins issue and revoke the Open311 API's keys (each audited). */
export const open311AdminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });
  const guard = (action: Open311Action) => async (request: FastifyRequest) => {
    if (!canOpen311(request.actor, action)) throw new ForbiddenError();
  };
  const context = (request: FastifyRequest) => ({ actorId: request.actor.accountId, request });

  app.get(
    "/admin/open311",
    { preHandler: [requirePlatformAdmin, guard("listKeys")] },
    async (_request, reply) => reply.render(<ClientsPage clients={await listClients(app.db)} values={{}} />),
  );

  app.post<{ Body: ClientInput }>(
    "/admin/open311",
    { preHandler: [requirePlatformAdmin, guard("createKey")], schema: { body: ClientBody } },
    async (request, reply) => {
      const result = await createClient(app.db, request.body, context(request));
      if (!result.ok) {
        const clients = await listClients(app.db);
        return reply.render(
          <ClientsPage clients={clients} values={request.body} errors={result.errors} />,
          422,
        );
      }
      // Not a redirect: the key is shown on this answer only, and never stored in clear.
      return reply.render(<KeyCreatedPage client={result.value.client} apiKey={result.value.key} />);
    },
  );

  const load = async (request: IdRequest) => {
    const client = await findClient(app.db, request.params.id);
    if (!client) throw new NotFoundError();
    return client;
  };

  app.get<{ Params: Static<typeof IdParams> }>(
    "/admin/open311/:id/revoke",
    { preHandler: [requirePlatformAdmin, guard("revokeKey")], schema: { params: IdParams } },
    async (request, reply) => {
      const client = await load(request);
      if (client.revokedAt) throw new NotFoundError();
      return reply.render(<RevokePage client={client} />);
    },
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    "/admin/open311/:id/revoke",
    { preHandler: [requirePlatformAdmin, guard("revokeKey")], schema: { params: IdParams } },
    async (request, reply) => {
      const client = await load(request);
      // Revoking a revoked key (a double submit) changes nothing and says the same.
      await revokeClient(app.db, client, context(request));
      return reply.redirectWithFlash("/admin/open311", {
        kind: "success",
        message: "open311.admin.flash.revoked",
      });
    },
  );
};
