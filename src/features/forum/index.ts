export { forumModeration } from "./moderated.js";
export { forumRoutes as forumFeature } from "./routes.js";
