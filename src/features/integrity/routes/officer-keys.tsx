import type { FastifyInstance } from "fastify";
import Type, { type Static } from "typebox";
import { recordSignInFailure, signInWait } from "../../../core/auth/throttle.js";
import { type FieldErrors, fieldError, formSchema } from "../../../core/forms.js";
import {
  endKeySession,
  enrolOfficerKeys,
  findOfficerKeys,
  KEY_COOKIE,
  openOfficerKeys,
  unlockedKeys,
} from "../officers.js";
import { EnrolKeysPage, RecoveryKeyPage, type UnlockField, UnlockPage } from "../views/officer-keys-pages.js";
import { safeNext, sessionId, startOpenedSession } from "./officer-helpers.js";

const UnlockQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 300 })) });
const PasswordBody = formSchema({ password: 300, recoveryKey: 100, next: 300 });

/** The officer's keys: made once (password confirmed), opened for a session, locked again. */
export function officerKeyRoutes(app: FastifyInstance) {
  app.get("/integrity/officer/keys", async (request, reply) => {
    if (await findOfficerKeys(app.db, request.account!.id))
      return reply.redirect(`/${request.locale}/integrity/officer/unlock`, 303);
    return reply.render(<EnrolKeysPage />);
  });

  app.post<{ Body: Partial<Record<"password" | "recoveryKey" | "next", string>> }>(
    "/integrity/officer/keys",
    { schema: { body: PasswordBody } },
    async (request, reply) => {
      const account = request.account!;
      if (await signInWait(app.db, account.email ?? account.id))
        return reply.render(<EnrolKeysPage error="integrity.errors.wait" />, 429);
      const result = await enrolOfficerKeys(app.db, account, request.body.password ?? "");
      if (!result.ok) {
        if (result.problem === "exists")
          return reply.redirect(`/${request.locale}/integrity/officer/unlock`, 303);
        await recordSignInFailure(app.db, account.email ?? account.id);
        return reply.render(<EnrolKeysPage error="integrity.errors.password" />, 422);
      }
      await startOpenedSession(app, request, reply, result.keys, "integrity.keys.enrol");
      return reply.render(<RecoveryKeyPage recoveryKey={result.recoveryKey} />);
    },
  );

  app.get<{ Querystring: Static<typeof UnlockQuery> }>(
    "/integrity/officer/unlock",
    { schema: { querystring: UnlockQuery } },
    async (request, reply) => {
      if (!(await findOfficerKeys(app.db, request.account!.id)))
        return reply.redirect(`/${request.locale}/integrity/officer/keys`, 303);
      const unlocked = Boolean(await unlockedKeys(request));
      return reply.render(<UnlockPage next={request.query.next} unlocked={unlocked} />);
    },
  );

  app.post<{ Body: Partial<Record<"password" | "recoveryKey" | "next", string>> }>(
    "/integrity/officer/unlock",
    { schema: { body: PasswordBody } },
    async (request, reply) => {
      const account = request.account!;
      const throttleKey = account.email ?? account.id;
      const next = request.body.next;
      if (await signInWait(app.db, throttleKey))
        return reply.render(
          <UnlockPage next={next} errors={{ password: fieldError("integrity.errors.wait") }} />,
          429,
        );
      const result = await openOfficerKeys(app.db, account, {
        password: request.body.password ?? "",
        recoveryKey: request.body.recoveryKey,
      });
      if (!result.ok) {
        if (result.problem === "noKeys")
          return reply.redirect(`/${request.locale}/integrity/officer/keys`, 303);
        const errors: FieldErrors<UnlockField> =
          result.problem === "password"
            ? { password: fieldError("integrity.errors.password") }
            : result.problem === "recovery"
              ? { recoveryKey: fieldError("integrity.errors.recoveryWrong") }
              : { recoveryKey: fieldError("integrity.errors.needsRecovery") };
        if (result.problem !== "needsRecovery") await recordSignInFailure(app.db, throttleKey);
        return reply.render(
          <UnlockPage next={next} errors={errors} needsRecovery={result.problem !== "password"} />,
          422,
        );
      }
      const action = request.body.recoveryKey ? "integrity.keys.recover" : "integrity.keys.unlock";
      await startOpenedSession(app, request, reply, result.keys, action);
      return reply.redirect(safeNext(request.locale, next), 303);
    },
  );

  app.post("/integrity/officer/lock", async (request, reply) => {
    await endKeySession(app.db, sessionId(request));
    reply.clearCookie(KEY_COOKIE, { path: "/" });
    return reply.redirect(`/${request.locale}/integrity/officer/unlock`, 303);
  });
}
