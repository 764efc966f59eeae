import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { submissionLimit } from "../../../core/security/submission-limit.js";
import { readUpload } from "../../../core/security/uploads.js";
import { listGovernorates, listMunicipalities } from "../../structures/queries.js";
import type { IntakeInput } from "../commands/check-intake.js";
import { submitCase } from "../commands/submit-case.js";
import {
  findSimilarOpenCases,
  findStructureByCode,
  listActiveCategories,
  searchStructures,
} from "../queries.js";
import { CASE_TYPES, type CaseType, LIMITS } from "../rules.js";
import { ChooseStructurePage } from "./views/choose-structure-page.js";
import { ChooseTypePage } from "./views/choose-type-page.js";
import { IntakeFormPage, type IntakeFormProps } from "./views/intake-form-page.js";

const NewQuery = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 20 })),
  structure: Type.Optional(Type.String({ maxLength: 80 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  about: Type.Optional(Type.String({ maxLength: 200 })),
  /** Which step's form was sent: sent with nothing chosen, that step shows its error. */
  step: Type.Optional(Type.String({ maxLength: 20 })),
});

/**
 * The intake cookie: a secret this browser holds, from which the follow-up link of what it files is
 * derived (submitCase), so a double submit gets its link back and a replayed form key does not.
 */
const INTAKE_COOKIE = "intake";
const INTAKE_SECRET = /^[A-Za-z0-9_-]{32}$/;
const intakeClient = (request: FastifyRequest): string | null => {
  const value = request.cookies[INTAKE_COOKIE];
  return value && INTAKE_SECRET.test(value) ? value : null;
};

const isCaseType = (v: string | undefined): v is CaseType =>
  (CASE_TYPES as readonly string[]).includes(v ?? "");

/** The intake: choosing the kind of request and the structure, then the form and its submission. */
export const intakeRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);
  /** Gives the browser showing a form its intake secret (the one it holds, kept for another day). */
  function holdIntakeCookie(request: FastifyRequest, reply: FastifyReply) {
    reply.setCookie(INTAKE_COOKIE, intakeClient(request) ?? randomBytes(24).toString("base64url"), {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: app.config.isProduction,
      maxAge: 24 * 60 * 60,
    });
  }

  async function intakeProps(
    request: FastifyRequest,
    type: CaseType,
    structureCode: string,
    extra: Partial<IntakeFormProps> = {},
  ) {
    const structure =
      structureCode === "unknown" ? "unknown" : await findStructureByCode(app.db, structureCode);
    if (!structure) return null;
    const [categories, governorates, municipalities] = await Promise.all([
      structure === "unknown" ? [] : listActiveCategories(app.db, structure.id),
      listGovernorates(app.db),
      listMunicipalities(app.db),
    ]);
    return {
      type,
      structure,
      categories,
      governorates,
      municipalities,
      signedIn: Boolean(request.account),
      submissionKey: randomBytes(18).toString("base64url"),
      ...extra,
    } satisfies IntakeFormProps;
  }

  // The intake form's funnel, counted by insights (see `funnel` in core/manifest.ts).
  const funnel = { funnel: "request" };
  app.get("/requests/new", { schema: { querystring: NewQuery }, config: funnel }, async (request, reply) => {
    reply.noStore();
    const { type, structure, q, about, step } = request.query as Static<typeof NewQuery>;
    if (!isCaseType(type)) {
      const sent = type !== undefined || step === "type";
      return reply.render(<ChooseTypePage error={sent} structure={structure} />, sent ? 422 : 200);
    }
    if (!structure) {
      const results = await searchStructures(app.db, q ?? "");
      const sent = step === "structure";
      return reply.render(
        <ChooseStructurePage type={type} query={q ?? ""} results={results} error={sent} />,
        sent ? 422 : 200,
      );
    }
    const props = await intakeProps(request, type, structure, { about });
    if (!props) {
      const results = await searchStructures(app.db, "");
      return reply.render(<ChooseStructurePage type={type} query="" results={results} error />, 422);
    }
    holdIntakeCookie(request, reply);
    const similar =
      about !== undefined && props.structure !== "unknown"
        ? await findSimilarOpenCases(app.db, props.structure.id, about)
        : undefined;
    return reply.render(<IntakeFormPage {...props} similar={similar} />);
  });

  const attachments = { maxFileSize: LIMITS.attachmentBytes, maxFiles: LIMITS.attachments };
  const intake = { ...submissions, ...funnel };
  app.post("/requests", { config: { ...intake, upload: attachments } }, async (request, reply) => {
    reply.noStore();
    const { fields, files } = await readUpload(request);
    const input = fields as IntakeInput;
    const result = await submitCase(
      {
        db: app.db,
        files: app.files,
        account: request.account,
        t: request.t,
        locale: request.locale,
        publicUrl: app.config.publicUrl,
        secret: app.config.cookieSecret,
        client: intakeClient(request),
      },
      input,
      files.filter((f) => f.field === "attachments"),
    );
    if (!result.ok) {
      const type = isCaseType(input.type) ? input.type : "complaint";
      const props = await intakeProps(request, type, input.structure || "unknown", {
        values: input,
        errors: result.errors,
      });
      if (!props) throw new NotFoundError();
      holdIntakeCookie(request, reply);
      // Keep the same one-time key, so a corrected resubmission still cannot create two requests.
      if (input.submissionKey) props.submissionKey = input.submissionKey;
      return reply.render(<IntakeFormPage {...props} />, 422);
    }
    return reply.redirect(`/${request.locale}/requests/follow/${result.value.followToken}?submitted=1`, 303);
  });
};
