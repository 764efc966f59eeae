import type { FastifyInstance } from "fastify";
import Type, { type Static } from "typebox";
import { audit } from "../../../core/audit/record.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { approveAppointment, awaitsApproval, pendingColleagues } from "../appointments.js";
import { shareStructureReportKeys } from "../report-keys.js";
import { ColleaguesPage } from "../views/colleagues-page.js";
import { keysOrRedirect } from "./officer-helpers.js";

const AppointmentParams = Type.Object({ lang: Type.String(), membershipId: Type.String({ format: "uuid" }) });

/** Colleagues newly appointed to the officer's units, and their approval. */
export function officerColleagueRoutes(app: FastifyInstance) {
  app.get("/integrity/officer/colleagues", async (request, reply) => {
    const accountId = request.account!.id;
    return reply.render(
      <ColleaguesPage
        pending={await pendingColleagues(app.db, accountId)}
        awaitingApproval={await awaitsApproval(app.db, accountId)}
      />,
    );
  });

  // Approving needs the approver's opened keys: the reports' keys they hold are sealed to the
  // new colleague at once (or, if the colleague has no keys yet, when a colleague next opens each report).
  app.post<{ Params: Static<typeof AppointmentParams> }>(
    "/integrity/officer/colleagues/:membershipId/approve",
    { schema: { params: AppointmentParams } },
    async (request, reply) => {
      const keys = await keysOrRedirect(app, request, reply);
      if (!keys) return reply;
      const approver = request.account!.id;
      const approved = await approveAppointment(app.db, request.params.membershipId, approver);
      if (!approved) throw new NotFoundError();
      const shared = await shareStructureReportKeys(app.db, approved.structureId, approver, keys);
      await audit(
        app.db,
        {
          action: "integrity.officer.approve",
          subjectType: "membership",
          subjectId: request.params.membershipId,
          structureId: approved.structureId,
          details: { accountId: approved.accountId, sharedKeys: shared },
        },
        request,
      );
      return reply.redirectWithFlash("/integrity/officer/colleagues", {
        kind: "success",
        message: "integrity.officer.colleagues.approved",
      });
    },
  );
}
