import type { FastifyPluginAsync } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { moveStructure } from "../commands/move-structure.js";
import { restoreStructure } from "../commands/restore-structure.js";
import { retireStructure } from "../commands/retire-structure.js";
import { listParentOptions } from "../queries.js";
import { EmptyBody, MoveBody, RetireBody, StructureParams } from "../schema.js";
import { MovePage } from "../views/admin/move-page.js";
import { RetirePage } from "../views/admin/retire-page.js";
import { renderStructureAdmin } from "./admin-structures.js";
import { changeContext, loadStructure } from "./load.js";

/** Moving, retiring and restoring structures (platform admins). */
export const adminLifecycleRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  app.get<{ Params: StructureParams }>(
    "/admin/structures/:id/move",
    { schema: { params: StructureParams } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "move");
      return reply.render(
        <MovePage
          structure={structure}
          options={await listParentOptions(app.db, structure.id)}
          value={structure.parentId ?? ""}
        />,
      );
    },
  );

  app.post<{ Params: StructureParams; Body: MoveBody }>(
    "/admin/structures/:id/move",
    { schema: { params: StructureParams, body: MoveBody } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "move");
      const result = await moveStructure(app.db, structure, request.body, changeContext(request));
      if (!result.ok) {
        return reply.render(
          <MovePage
            structure={structure}
            options={await listParentOptions(app.db, structure.id)}
            value={request.body.parentId ?? ""}
            errors={result.errors}
          />,
          422,
        );
      }
      return reply.redirectWithFlash(`/admin/structures/${structure.id}`, {
        kind: "success",
        message: result.value.moved ? "structures.flash.moved" : "structures.flash.unchanged",
      });
    },
  );

  app.get<{ Params: StructureParams }>(
    "/admin/structures/:id/retire",
    { schema: { params: StructureParams } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "retire");
      return reply.render(<RetirePage structure={structure} value="" />);
    },
  );

  app.post<{ Params: StructureParams; Body: RetireBody }>(
    "/admin/structures/:id/retire",
    { schema: { params: StructureParams, body: RetireBody } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "retire");
      const result = await retireStructure(app.db, structure, request.body, changeContext(request));
      if (!result.ok) {
        return reply.render(
          <RetirePage structure={structure} value={request.body.reason ?? ""} errors={result.errors} />,
          422,
        );
      }
      return reply.redirectWithFlash(`/admin/structures/${structure.id}`, {
        kind: "success",
        message: "structures.flash.retired",
      });
    },
  );

  app.post<{ Params: StructureParams }>(
    "/admin/structures/:id/restore",
    { schema: { params: StructureParams, body: EmptyBody } },
    async (request, reply) => {
      const structure = await loadStructure(request, request.params.id, "restore");
      const result = await restoreStructure(app.db, structure, changeContext(request));
      if (!result.ok) return reply.render(await renderStructureAdmin(request, structure, result.errors), 422);
      return reply.redirectWithFlash(`/admin/structures/${structure.id}`, {
        kind: "success",
        message: "structures.flash.restored",
      });
    },
  );
};
