export { ideaModeration } from "./moderated.js";
export { ideaRoutes as ideasFeature } from "./routes.js";
