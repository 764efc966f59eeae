export { moderationFeature } from "./routes.js";
