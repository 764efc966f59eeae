import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { requirePlatformAdmin } from "../../core/auth/plugin.js";
import { NotFoundError } from "../../core/errors/app-error.js";
import { type FieldErrors, formSchema } from "../../core/forms.js";
import { retentionRules } from "../../core/personal-data/retention.js";
import { changeContext } from "../structures/routes/load.js";
import { type LegalField, type LegalInput, publishVersion } from "./commands/publish-version.js";
import { findCurrentVersion, listVersions } from "./queries.js";
import { LEGAL_PAGES, type LegalPage } from "./tables.js";
import { LegalAdminPage, LegalEditPage, LegalPageView } from "./views/legal-pages.js";

const PageParams = Type.Object({ lang: Type.String(), page: Type.String({ maxLength: 40 }) });
type PageParams = Static<typeof PageParams>;
const VersionBody = formSchema({
  titleAr: 2000,
  titleFr: 2000,
  titleEn: 2000,
  bodyAr: 300_000,
  bodyFr: 300_000,
  bodyEn: 300_000,
});

const legalPageOf = (page: string): LegalPage => {
  if (!(LEGAL_PAGES as readonly string[]).includes(page)) throw new NotFoundError();
  return page as LegalPage;
};

/** The terms of use, the personal-data notice and the accessibility statement; platform admins publish new versions. */
export const legalFeature: FastifyPluginAsync = async (app) => {
  app.get<{ Params: PageParams }>(
    "/legal/:page",
    { schema: { params: PageParams } },
    async (request, reply) => {
      const page = legalPageOf(request.params.page);
      const version = await findCurrentVersion(app.db, page);
      if (!version) throw new NotFoundError();
      reply.header("cache-control", "public, max-age=60");
      // The personal-data notice ends with how long each kind of data is kept, from the rules the
      // features declare (so it always says what the purge does).
      const retention = page === "privacy" ? retentionRules(app.features) : [];
      return reply.render(<LegalPageView version={version} retention={retention} />);
    },
  );

  await app.register(async (admin) => {
    admin.addHook("preHandler", requirePlatformAdmin);
    admin.addHook("onSend", async (_request, reply) => {
      reply.noStore();
    });
    const edit = async (page: LegalPage, values: LegalInput, errors?: FieldErrors<LegalField>) => (
      <LegalEditPage
        page={page}
        values={values}
        errors={errors}
        versions={await listVersions(app.db, page)}
      />
    );

    admin.get("/admin/legal", async (_request, reply) => {
      const current = await Promise.all(
        LEGAL_PAGES.map(async (page) => ({ page, version: await findCurrentVersion(app.db, page) })),
      );
      return reply.render(<LegalAdminPage current={current} />);
    });

    admin.get<{ Params: PageParams }>(
      "/admin/legal/:page",
      { schema: { params: PageParams } },
      async (request, reply) => {
        const page = legalPageOf(request.params.page);
        const v = await findCurrentVersion(app.db, page);
        const values: LegalInput = {
          titleAr: v?.title.ar,
          titleFr: v?.title.fr,
          titleEn: v?.title.en,
          bodyAr: v?.body.ar,
          bodyFr: v?.body.fr,
          bodyEn: v?.body.en,
        };
        return reply.render(await edit(page, values));
      },
    );

    admin.post<{ Params: PageParams; Body: LegalInput }>(
      "/admin/legal/:page",
      { schema: { params: PageParams, body: VersionBody } },
      async (request, reply) => {
        const page = legalPageOf(request.params.page);
        const result = await publishVersion(app.db, page, request.body, changeContext(request));
        if (!result.ok) return reply.render(await edit(page, request.body, result.errors), 422);
        return reply.redirectWithFlash(`/admin/legal/${page}`, {
          kind: "success",
          message: "legal.flash.published",
        });
      },
    );
  });
};
