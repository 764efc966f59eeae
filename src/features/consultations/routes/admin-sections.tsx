import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { TSchema } from "typebox";
import { NotFoundError } from "../../../core/errors/app-error.js";
import type { Result } from "../../../core/forms.js";
import { type FieldErrors, formSchema } from "../../../core/forms.js";
import {
  addSection,
  deleteSection,
  type ImportField,
  importSections,
  type SectionField,
  textEditable,
  updateSection,
} from "../commands/sections.js";
import type { ConsultationView } from "../queries.js";
import { findSection, listSections } from "../queries.js";
import { SectionEditPage, SectionsPage } from "../views/admin/content-pages.js";

import { EmptyBody, ItemParams } from "./admin-content-params.js";
import { changeContext, loadAdmin } from "./load.js";
import { IdParams } from "./public.js";

const SectionBody = formSchema({
  titleAr: 2000,
  titleFr: 2000,
  titleEn: 2000,
  bodyAr: 100_000,
  bodyFr: 100_000,
  bodyEn: 100_000,
});
const ImportBody = formSchema({ text: 200_000, language: 5 });

/** A consultation's sections: the list with its add and import forms, and each section's edit page. */
export const adminSectionsRoutes: FastifyPluginAsync = async (app) => {
  const sectionsPage = async (
    c: ConsultationView,
    state: {
      sectionValues?: Record<string, string>;
      sectionErrors?: FieldErrors<SectionField>;
      importValues?: Record<string, string>;
      importErrors?: FieldErrors<ImportField>;
    } = {},
  ) => {
    const sections = await listSections(app.db, c.id);
    return <SectionsPage c={c} sections={sections} editable={textEditable(c)} {...state} />;
  };

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/sections",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      return reply.render(await sectionsPage(c));
    },
  );

  /**
   * Adding one section and importing many post alike: on failure the sections page comes back with
   * that form's values and errors.
   */
  function postToSections<F extends string>(
    path: string,
    body: TSchema,
    command: (
      db: typeof app.db,
      c: ConsultationView,
      input: Record<string, string>,
      context: ReturnType<typeof changeContext>,
    ) => Promise<Result<unknown, F>>,
    failed: (values: Record<string, string>, errors: FieldErrors<F>) => Parameters<typeof sectionsPage>[1],
    flash: string,
  ) {
    app.post<{ Params: IdParams; Body: Record<string, string> }>(
      path,
      { schema: { params: IdParams, body } },
      async (request, reply) => {
        const c = await loadAdmin(request, request.params.id, "update");
        const result = await command(app.db, c, request.body, changeContext(request));
        if (!result.ok) return reply.render(await sectionsPage(c, failed(request.body, result.errors)), 422);
        return reply.redirectWithFlash(`/admin/consultations/${c.id}/sections`, {
          kind: "success",
          message: flash,
        });
      },
    );
  }

  postToSections(
    "/admin/consultations/:id/sections",
    SectionBody,
    addSection,
    (sectionValues, sectionErrors) => ({ sectionValues, sectionErrors }),
    "consultations.flash.sectionAdded",
  );
  postToSections(
    "/admin/consultations/:id/sections/import",
    ImportBody,
    importSections,
    (importValues, importErrors) => ({ importValues, importErrors }),
    "consultations.flash.sectionsImported",
  );

  async function loadSection(request: FastifyRequest, params: ItemParams) {
    const c = await loadAdmin(request, params.id, "update");
    const sections = await listSections(app.db, c.id);
    const index = sections.findIndex((s) => s.id === params.itemId);
    if (index < 0) throw new NotFoundError();
    return { c, section: sections[index]!, index };
  }

  app.get<{ Params: ItemParams }>(
    "/admin/consultations/:id/sections/:itemId",
    { schema: { params: ItemParams } },
    async (request, reply) => {
      const { c, section, index } = await loadSection(request, request.params);
      const values = {
        titleAr: section.title.ar,
        titleFr: section.title.fr,
        titleEn: section.title.en,
        bodyAr: section.body.ar,
        bodyFr: section.body.fr,
        bodyEn: section.body.en,
      };
      return reply.render(<SectionEditPage c={c} section={section} index={index} values={values} />);
    },
  );

  app.post<{ Params: ItemParams; Body: Partial<Record<SectionField, string>> }>(
    "/admin/consultations/:id/sections/:itemId",
    { schema: { params: ItemParams, body: SectionBody } },
    async (request, reply) => {
      const { c, section, index } = await loadSection(request, request.params);
      const result = await updateSection(app.db, c, section, request.body, changeContext(request));
      if (!result.ok)
        return reply.render(
          <SectionEditPage
            c={c}
            section={section}
            index={index}
            values={request.body}
            errors={result.errors}
          />,
          422,
        );
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/sections`, {
        kind: "success",
        message: "consultations.flash.sectionUpdated",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/admin/consultations/:id/sections/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "update");
      const section = await findSection(app.db, c.id, request.params.itemId);
      if (!section) throw new NotFoundError();
      const result = await deleteSection(app.db, c, section, changeContext(request));
      if (!result.ok) return reply.render(await sectionsPage(c, { sectionErrors: result.errors }), 409);
      return reply.redirectWithFlash(`/admin/consultations/${c.id}/sections`, {
        kind: "success",
        message: "consultations.flash.sectionDeleted",
      });
    },
  );
};
