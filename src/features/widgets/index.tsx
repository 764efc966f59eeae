import { asc, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { requireStaff } from "../../core/auth/plugin.js";
import { type Actor, hasRole, scopeOf } from "../../core/authz/actor.js";
import { ForbiddenError, NotFoundError } from "../../core/errors/app-error.js";
import { widgetKind, widgetsOf } from "../../core/features/registry.js";
import type { FieldErrors } from "../../core/forms.js";
import { allowFraming } from "../../core/security/plugin.js";
import { structures } from "../../core/structures/tables.js";
import { findStructureByCode, findStructureById } from "../structures/queries.js";
import { changeContext } from "../structures/routes/load.js";
import { listWidgetOrigins, saveWidgetOrigins } from "./origins.js";
import { BuilderPage } from "./views/builder-page.js";
import { WidgetPage } from "./views/widget-page.js";

const WidgetParams = Type.Object({
  lang: Type.String(),
  code: Type.String({ maxLength: 100 }),
  kind: Type.String({ maxLength: 40 }),
});
type WidgetParams = Static<typeof WidgetParams>;
const BuilderQuery = Type.Object({ structure: Type.Optional(Type.String({ maxLength: 100 })) });
type BuilderQuery = Static<typeof BuilderQuery>;
const IdParams = Type.Object({ lang: Type.String(), id: Type.String({ maxLength: 100 }) });
type IdParams = Static<typeof IdParams>;
const OriginsBody = Type.Object({
  origins: Type.Optional(Type.String({ maxLength: 10_000 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});
type OriginsBody = Static<typeof OriginsBody>;

/** Who may set a structure's widgets up: platform admins, and the structure's own admins. */
export function canManageWidgets(actor: Actor, structure: { id: string }): boolean {
  return actor.platformAdmin || hasRole(actor, structure.id, "structure_admin");
}

/**
 * Embeddable widgets: small pages a structure frames on its own website (only the origins on its
 * allow-list may), and the builder where its admins set that list and copy the code. The kinds of
 * widget are those the features' manifests offer (`widgets`: consultations, cases).
 */
export const widgetsFeature: FastifyPluginAsync = async (app) => {
  app.get<{ Params: WidgetParams }>(
    "/widgets/:code/:kind",
    { schema: { params: WidgetParams } },
    async (request, reply) => {
      const { code, kind } = request.params;
      const structure = await findStructureByCode(app.db, code);
      const widget = widgetKind(app.features, kind);
      if (!structure || structure.retiredAt || !widget) throw new NotFoundError();
      const body = await widget.body(app.db, structure);
      allowFraming(reply, await listWidgetOrigins(app.db, structure.id));
      reply.header("cache-control", "public, max-age=300");
      return reply.render(<WidgetPage structure={structure} titleKey={widget.titleKey} body={body} />);
    },
  );

  await app.register(async (admin) => {
    admin.addHook("preHandler", requireStaff);
    admin.addHook("onSend", async (_request, reply) => {
      reply.noStore();
    });
    const managed = async (actor: Actor) => {
      const scope = scopeOf(actor, "structure_admin");
      if (scope !== "all" && scope.length === 0) throw new ForbiddenError();
      return app.db
        .select({ id: structures.id, code: structures.code, name: structures.name })
        .from(structures)
        .where(scope === "all" ? isNull(structures.retiredAt) : inArray(structures.id, scope))
        .orderBy(asc(structures.code));
    };
    const page = async (
      request: FastifyRequest,
      selectedId: string | undefined,
      typed?: string,
      errors?: FieldErrors<"origins">,
    ) => {
      const list = await managed(request.actor);
      const selected = list.find((s) => s.id === selectedId) ?? null;
      const origins = typed ?? (selected ? (await listWidgetOrigins(app.db, selected.id)).join("\n") : "");
      return (
        <BuilderPage
          structures={list}
          selected={selected}
          origins={origins}
          errors={errors}
          publicUrl={app.config.publicUrl}
          kinds={widgetsOf(app.features)}
        />
      );
    };

    admin.get<{ Querystring: BuilderQuery }>(
      "/admin/widgets",
      { schema: { querystring: BuilderQuery } },
      async (request, reply) => reply.render(await page(request, request.query.structure)),
    );

    admin.post<{ Params: IdParams; Body: OriginsBody }>(
      "/admin/widgets/:id/origins",
      { schema: { params: IdParams, body: OriginsBody } },
      async (request, reply) => {
        const structure = await findStructureById(app.db, request.params.id);
        if (!structure || !canManageWidgets(request.actor, structure)) throw new NotFoundError();
        const result = await saveWidgetOrigins(
          app.db,
          structure.id,
          request.body.origins,
          changeContext(request),
        );
        if (!result.ok)
          return reply.render(await page(request, structure.id, request.body.origins, result.errors), 422);
        return reply.redirectWithFlash(`/admin/widgets?structure=${structure.id}`, {
          kind: "success",
          message: "widgets.flash.saved",
        });
      },
    );
  });
};
