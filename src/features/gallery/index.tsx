import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { NotFoundError } from "../../core/errors/app-error.js";
import { isLocale } from "../../core/i18n/localized.js";
import { findComponent } from "./registry.js";
import { ComponentPage } from "./views/component-page.js";
import { GalleryPage } from "./views/gallery-page.js";

const LangParams = Type.Object({ lang: Type.String() });
const ComponentParams = Type.Object({
  lang: Type.String(),
  component: Type.String({ minLength: 1 }),
});

/** The component gallery (development only): every component in every state, in each language. */
export const galleryFeature: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { lang: string } }>(
    "/gallery",
    { schema: { params: LangParams } },
    async (request, reply) => {
      if (!isLocale(request.params.lang)) throw new NotFoundError();
      return reply.render(<GalleryPage />);
    },
  );

  app.get<{ Params: { lang: string; component: string } }>(
    "/gallery/:component",
    { schema: { params: ComponentParams } },
    async (request, reply) => {
      const component = findComponent(request.params.component);
      if (!isLocale(request.params.lang) || !component) throw new NotFoundError();
      return reply.render(<ComponentPage component={component} />);
    },
  );
};
